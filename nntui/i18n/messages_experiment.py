"""Messages of the experiment kept with the network: the file's ``training`` object,
``nntui train FILE`` with the file's settings, and the palette's training command.

Keys are ``core.record.*`` (the file format), ``cli.train.*`` and ``app.experiment.*``.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the "training" object of a version 2 file (nntui.core.training_record) ----------------
    "core.record.versions": ("1 or 2", "1 ou 2"),
    "core.record.needs_version_2": (
        '"training" needs format version 2, but the file says "version": 1',
        '"training" demande la version 2 du format, mais le fichier indique "version": 1',
    ),
    "core.record.at_training": ('"training": ', '"training" : '),
    "core.record.at_data": ('"training", "data": ', '"training", "data" : '),
    "core.record.not_object": (
        '"training" must be an object, found {found}',
        '"training" doit être un objet, trouvé : {found}',
    ),
    "core.record.data_not_object": (
        '{where}expected an object such as {{"dataset": "xor", "noise": 0}} or {{"csv": "points.csv"}}, found {found}',
        '{where}un objet comme {{"dataset": "xor", "noise": 0}} ou {{"csv": "points.csv"}} était attendu, '
        "trouvé : {found}",
    ),
    "core.record.csv_and": (
        '{where}"csv" cannot go with "{field}": the data is a CSV file or a generated dataset, not both',
        '{where}"csv" ne va pas avec "{field}" : les données sont un fichier CSV ou des données générées, pas les deux',
    ),
    "core.record.csv_path": (
        '{where}"csv" must be the path of a CSV file (a non-empty string), found {found}',
        '{where}"csv" doit être le chemin d\'un fichier CSV (une chaîne non vide), trouvé : {found}',
    ),
    "core.record.one_of": (
        '{where}"{field}" must be one of {valid}, found {found}',
        '{where}"{field}" doit être l\'une des valeurs {valid}, trouvé : {found}',
    ),
    "core.record.noise": (
        '{where}"noise" must be between 0 and {high}, found {found}',
        '{where}"noise" doit être entre 0 et {high}, trouvé : {found}',
    ),
    "core.record.positive": (
        '{where}"{field}" must be greater than 0, found {found}',
        '{where}"{field}" doit être supérieur à 0, trouvé : {found}',
    ),
    "core.record.at_least": (
        '{where}"{field}" must be at least {low}, found {found}',
        '{where}"{field}" doit valoir au moins {low}, trouvé : {found}',
    ),
    "core.record.momentum": (
        '{where}"momentum" must be at least 0 and below 1, found {found}',
        '{where}"momentum" doit valoir au moins 0 et moins de 1, trouvé : {found}',
    ),
    "core.record.whole": (
        '{where}"{field}" must be a whole number of at least {low}, found {found}',
        '{where}"{field}" doit être un nombre entier d\'au moins {low}, trouvé : {found}',
    ),
    "core.record.whole_too_large": (
        '{where}"{field}" must be at most {high}, found a number of {digits} digits',
        '{where}"{field}" doit valoir au plus {high}, trouvé : un nombre de {digits} chiffres',
    ),
    "core.record.at_state": ('"training", "state": ', '"training", "state" : '),
    "core.record.state_not_object": (
        '"training", "state" must be an object, found {found}',
        '"training", "state" doit être un objet, trouvé : {found}',
    ),
    "core.record.state_missing": ('{where}"{field}" is missing', '{where}"{field}" manque'),
    "core.record.state_position": (
        '{where}"position" ({position}) is beyond the {samples} samples',
        '{where}"position" ({position}) dépasse les {samples} exemples',
    ),
    "core.record.state_moment": (
        '{where}"{field}" is written for an optimiser that has one; "{optimizer}" does not, '
        "or it is missing for one that does",
        "{where}\"{field}\" s'écrit pour un optimiseur qui en a un ; « {optimizer} » n'en a pas, "
        "ou il manque pour un optimiseur qui en a un",
    ),
    "core.record.state_layers": (
        "{where} must be a list of {layers} layers, found {found}",
        "{where} doit être une liste de {layers} couches, trouvé : {found}",
    ),
    "core.record.state_layer": (
        '{where} must be an object of "weights" and "bias", found {found}',
        '{where} doit être un objet de "weights" et "bias", trouvé : {found}',
    ),
    "core.record.state_layer_shape": (
        '{where}: "weights" must be {rows} rows of {columns} numbers and "bias" {rows} numbers, as the layer\'s own',
        '{where} : "weights" doit avoir {rows} lignes de {columns} nombres et "bias" {rows} nombres, '
        "comme la couche elle-même",
    ),
    # --- nntui train FILE, with the file's settings ------------------------------------------
    "cli.train.no_data": (
        "--dataset NAME or --data FILE.csv is required: this network has no training settings "
        "of its own (a file saved by the playground or by nntui train has them)",
        "--dataset NOM ou --data FICHIER.csv est requis : ce réseau n'a pas de réglages "
        "d'entraînement à lui (un fichier enregistré par le terrain de jeu ou par nntui train en a)",
    ),
    # --- the palette's "Copy the training command" (nntui.app.screens.training_command) -------
    "app.experiment.command": ("Copy the training command", "Copier la commande d'entraînement"),
    "app.experiment.command.help": (
        "Show the nntui train line that reruns this experiment from its file, and copy it",
        "Afficher la ligne nntui train qui refait cette expérience depuis son fichier, et la copier",
    ),
    "app.experiment.title": ("The training command", "La commande d'entraînement"),
    "app.experiment.explain": (
        "Trains {file} as saved, with the training settings shown, for {steps}, then writes {output}:",
        "Entraîne {file} tel qu'enregistré, avec les réglages d'entraînement affichés, "
        "pendant {steps}, puis écrit {output} :",
    ),
    "app.experiment.steps.one": ("{count} step", "{count} pas"),
    "app.experiment.steps.other": ("{count} steps", "{count} pas"),
    "app.experiment.since_saved": (
        "The steps are those taken since the file was opened or saved.",
        "Les pas sont ceux faits depuis que le fichier a été ouvert ou enregistré.",
    ),
    "app.experiment.no_steps": (
        "No step was taken since the file was opened or saved: change --steps as you like.",
        "Aucun pas n'a été fait depuis l'ouverture ou l'enregistrement du fichier : changez --steps à votre guise.",
    ),
    "app.experiment.unsaved": (
        "The network has changes not saved yet: the command starts from the file as saved (ctrl+s saves them).",
        "Le réseau a des changements pas encore enregistrés : la commande part du fichier tel "
        "qu'enregistré (ctrl+s les enregistre).",
    ),
    "app.experiment.copied": ("Copied to the clipboard.", "Copiée dans le presse-papiers."),
    "app.experiment.no_file": (
        "The network is not in a file yet. Save it first (ctrl+s): the command trains a saved file.",
        "Le réseau n'est pas encore dans un fichier. Enregistrez-le d'abord (ctrl+s) : la commande "
        "entraîne un fichier enregistré.",
    ),
    "app.experiment.data_problem": (
        "{problem}. Training uses the default data instead: choose other data in the training view (ctrl+t).",
        "{problem}. L'entraînement utilise les données par défaut : choisissez-en d'autres dans la vue "
        "d'entraînement (ctrl+t).",
    ),
    "app.experiment.data_problem_title": (
        "The file's training data cannot be read",
        "Les données d'entraînement du fichier sont illisibles",
    ),
    "app.experiment.close": ("Close", "Fermer"),
    "app.experiment.keys": ("Escape closes", "Échap pour fermer"),
}
