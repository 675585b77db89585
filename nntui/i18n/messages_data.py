"""Messages of the training view's data controls: a CSV file, the split, the data seed, the batch
size typed, the test points and the discretised output (issue 15).

Keys are ``app.data.*``, ``core.record.ratio`` and ``cli.help.*`` of ``nntui train``'s data options.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the training panel's controls -----------------------------------------------------
    "app.data.csv_entry": ("CSV file…", "fichier CSV…"),
    "app.data.ratio": ("train ratio", "part entraîn."),
    "app.data.ratio_value": ("{percent}%", "{percent} %"),
    "app.data.seed": ("data seed", "graine donn."),
    "app.data.regenerate": ("{seed} · new (G)", "{seed} · nouv. (G)"),
    "app.data.other_batch": ("other…", "autre…"),
    "app.data.test_points": ("test points", "points test"),
    "app.data.shown": ("shown", "affichés"),
    "app.data.hidden": ("hidden", "masqués"),
    "app.data.output": ("output", "sortie"),
    "app.data.shades": ("shades", "nuances"),
    "app.data.discrete": ("class only", "classe seule"),
    # --- the prompts -------------------------------------------------------------------------
    "app.data.csv_title": ("Train on a CSV file", "S'entraîner sur un fichier CSV"),
    "app.data.csv_hint": (
        "a header, the input columns, then y, y1...; in {folder}",
        "un en-tête, les colonnes d'entrée, puis y, y1... ; dans {folder}",
    ),
    "app.data.csv_keys": ("Enter loads the file · Escape cancels", "Entrée charge le fichier · Échap annule"),
    "app.data.batch_title": ("Batch size", "Taille de lot"),
    "app.data.batch_hint": ("a whole number from 1 to {high}", "un nombre entier de 1 à {high}"),
    "app.data.batch_not_whole": ("{text} is not a whole number", "{text} n'est pas un nombre entier"),
    "app.data.batch_range": (
        "the batch size must be from 1 to {high}, not {value}",
        "la taille de lot doit aller de 1 à {high}, pas {value}",
    ),
    # --- the keys ----------------------------------------------------------------------------
    "app.key.regenerate": ("new data", "nouvelles données"),
    "app.key.regenerate.help": (
        "New points for the data from the next data seed (training view)",
        "De nouveaux points pour les données, avec la graine suivante (vue d'entraînement)",
    ),
    # --- the file's training object ------------------------------------------------------------
    "core.record.ratio": (
        '{where}"ratio" must be a whole number from {low} to {high}, found {found}',
        '{where}"ratio" doit être un nombre entier de {low} à {high}, trouvé : {found}',
    ),
    # --- nntui train -----------------------------------------------------------------------------
    "cli.help.ratio": (
        "percent of the samples trained on, {low} to {high}; the rest are the test samples "
        "(default: the file's, else {generated} for --dataset and {csv} for --data)",
        "pourcentage des échantillons d'entraînement, de {low} à {high} ; les autres servent au test "
        "(par défaut : celui du fichier, sinon {generated} pour --dataset et {csv} pour --data)",
    ),
    "cli.help.data_seed": (
        "seeds the data's points and its split (default: the file's, else --seed)",
        "graine des points des données et de leur partage (par défaut : celle du fichier, sinon --seed)",
    ),
}
