"""Messages of the input features: x1², sin x1 … of a point as the network's inputs (issue 15).

Keys are ``core.features.*`` (the file, the shape edits), ``app.features.*`` (the toggles) and
the few words the inspector, the truth table and the PyTorch export say about them.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the file and the network ----------------------------------------------------------
    "core.features.unknown": (
        "unknown input feature {feature}: a feature is xI, xI^2, xI*xJ (I < J) or sin(xI), I from 1 to 9",
        "caractéristique d'entrée inconnue {feature} : une caractéristique s'écrit xI, xI^2, xI*xJ (I < J) "
        "ou sin(xI), I de 1 à 9",
    ),
    "core.features.empty": (
        "no input feature: a network reads at least one",
        "aucune caractéristique d'entrée : un réseau en lit au moins une",
    ),
    "core.features.twice": (
        "the input feature {feature} is there twice",
        "la caractéristique d'entrée {feature} est là deux fois",
    ),
    "core.features.count": (
        "{features} input features for {inputs} inputs: each input is one feature",
        "{features} caractéristiques d'entrée pour {inputs} entrées : chaque entrée en est une",
    ),
    "core.features.point": (
        '"point" has {values} numbers, but the features read {count}',
        "« point » a {values} nombres, mais les caractéristiques en lisent {count}",
    ),
    "core.features.point_too_long": (
        '"point" has {values} numbers: at most {most} (features read coordinates x1 to x{most})',
        "« point » a {values} nombres : au plus {most} (les caractéristiques lisent les coordonnées x1 à x{most})",
    ),
    "core.features.no_point": (
        'the inputs are features of a point: "point" must list its {count} coordinates',
        "les entrées sont des caractéristiques d'un point : « point » doit donner ses {count} coordonnées",
    ),
    "core.features.point_without": (
        '"point" is there but no input has a "feature"',
        "« point » est là mais aucune entrée n'a de « feature »",
    ),
    "core.features.some_inputs": (
        '{features} of {inputs} inputs have a "feature": all or none must',
        "{features} des {inputs} entrées ont une « feature » : toutes ou aucune",
    ),
    "core.features.needs_version_2": (
        'input features ("point", "feature") need "version": 2',
        "les caractéristiques d'entrée (« point », « feature ») demandent « version » : 2",
    ),
    "core.features.too_large": (
        'the input features of "point" are too large to compute (they overflow to infinity)',
        "les caractéristiques d'entrée de « point » sont trop grandes pour être calculées (elles débordent "
        "vers l'infini)",
    ),
    "core.features.add_by_toggle": (
        "this network's inputs are features of a point: turn one on in the training view (ctrl+t)",
        "les entrées de ce réseau sont des caractéristiques d'un point : activez-en une dans la vue "
        "d'entraînement (ctrl+t)",
    ),
    "core.features.beyond_point": (
        "{feature} reads a coordinate the points do not have (they have {count})",
        "{feature} lit une coordonnée que les points n'ont pas (ils en ont {count})",
    ),
    "core.features.too_many_inputs": (
        "input features are for points of up to {limit} numbers; this network has {count} inputs",
        "les caractéristiques d'entrée sont pour des points d'au plus {limit} nombres ; ce réseau a {count} entrées",
    ),
    "core.edit.feature_input": ("{coordinate} (input {name} follows it)", "{coordinate} (l'entrée {name} le suit)"),
    "core.truth.features": (
        "no truth table: this network's inputs are features of a point (x1², sin x1 …), not values set one by one",
        "pas de table de vérité : les entrées de ce réseau sont des caractéristiques d'un point (x1², sin x1 …), "
        "pas des valeurs réglées une à une",
    ),
    "core.export.torch.features": (
        "The network's inputs are features of the point p: {labels}.",
        "Les entrées du réseau sont des caractéristiques du point p : {labels}.",
    ),
    "cli.eval.point_count": (
        "--input has {values} but the network reads a point of {count} coordinates (its inputs are features of it)",
        "--input a {values} mais le réseau lit un point de {count} coordonnées (ses entrées en sont des "
        "caractéristiques)",
    ),
    # --- the toggles and the inspector ------------------------------------------------------
    "app.layer.features_of_point": ("features of a point", "caract. d'un point"),
    "app.features.title": ("input features", "caract. d'entrée"),
    "app.features.on": ("input feature {feature} on", "caractéristique {feature} activée"),
    "app.features.off": ("input feature {feature} off", "caractéristique {feature} désactivée"),
    "app.features.not_now": (
        "{problem} Press x for a network that reads the data's points, then choose its features.",
        "{problem} Appuyez sur x pour un réseau qui lit les points des données, puis choisissez ses caractéristiques.",
    ),
    "app.key.feature_previous": ("previous feature", "caractéristique précédente"),
    "app.key.feature_next": ("next feature", "caractéristique suivante"),
    "app.key.feature_toggle": ("feature on/off", "caractéristique oui/non"),
    "app.inspector.feature": ("= {feature} of the point ({point})", "= {feature} du point ({point})"),
    "app.inspector.feature_explanation": (
        "This input is computed from the point: + − and Enter change {coordinate}, and every input "
        "follows. Turn features on or off in the training view (ctrl+t).",
        "Cette entrée est calculée à partir du point : + − et Entrée changent {coordinate}, et toutes les "
        "entrées suivent. Activez ou non les caractéristiques dans la vue d'entraînement (ctrl+t).",
    ),
}
