"""Messages of images as inputs and of the handwritten digits data (issue 25): the shape of an
image, the digits dataset, the file's ``image`` object and the digits preset.

Keys are ``core.image.*``, ``core.digits.*``, and ``core.dataset.digits``.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- image.py: inputs that are the pixels of a picture ------------------------------------
    "core.image.shape": (
        "an image's shape is (rows, columns), two whole numbers of at least 1, not {found}",
        "la forme d'une image est (lignes, colonnes), deux nombres entiers d'au moins 1, pas {found}",
    ),
    "core.image.pixels": (
        "an image of {rows} × {columns} pixels needs {pixels} inputs, not {inputs}",
        "une image de {rows} × {columns} pixels demande {pixels} entrées, pas {inputs}",
    ),
    "core.image.with_features": (
        "the inputs of an image are its pixels, not features of a point",
        "les entrées d'une image sont ses pixels, pas des caractéristiques d'un point",
    ),
    # --- the network file's "image" object -------------------------------------------------------
    "core.image.needs_version_2": (
        '"image" needs format version 2, but the file says "version": 1',
        '"image" demande la version 2 du format, mais le fichier indique "version": 1',
    ),
    "core.image.at_image": ('"image": ', '"image" : '),
    "core.image.not_object": (
        '"image" must be an object such as {{"rows": 8, "columns": 8}}, found {found}',
        '"image" doit être un objet comme {{"rows": 8, "columns": 8}}, trouvé : {found}',
    ),
    "core.image.missing": (
        '{where}missing "{field}": an image has "rows" and "columns"',
        '{where}"{field}" manque : une image a "rows" et "columns"',
    ),
    "core.image.side": (
        '{where}"{field}" must be a whole number from 1 to {high} (the inputs), found {found}',
        '{where}"{field}" doit être un nombre entier de 1 à {high} (les entrées), trouvé : {found}',
    ),
    "core.image.file_pixels": (
        '"image" of {rows} × {columns} pixels needs {pixels} inputs, but the file has {inputs}',
        '"image" de {rows} × {columns} pixels demande {pixels} entrées, mais le fichier en a {inputs}',
    ),
    "core.image.file_features": (
        '"image" cannot go with input features: the inputs of an image are its pixels',
        "\"image\" ne va pas avec des caractéristiques d'entrée : les entrées d'une image sont ses pixels",
    ),
    # --- export.py ----------------------------------------------------------------------------------
    "core.image.npz": (
        '"image_shape" must hold two whole numbers (rows, columns), found shape {shape} of {dtype}',
        '"image_shape" doit contenir deux nombres entiers (lignes, colonnes), trouvé : forme {shape} de {dtype}',
    ),
    "core.image.torch": (
        "The inputs are an image of {rows} × {columns} pixels, row by row: x is written as its rows.",
        "Les entrées sont une image de {rows} × {columns} pixels, ligne par ligne : x est écrit par lignes.",
    ),
    # --- datasets/digits.py ----------------------------------------------------------------------
    "core.dataset.digits": (
        "Handwritten digits, 8 × 8 pixels of ink 0 to 1: ten classes, 0 to 9.",
        "Chiffres écrits à la main, 8 × 8 pixels d'encre de 0 à 1 : dix classes, 0 à 9.",
    ),
    "core.dataset.digits.credit": (
        'The 1,797 images of UCI\'s "Optical Recognition of Handwritten Digits" '
        "(E. Alpaydin, C. Kaynak, 1998), licence CC BY 4.0.",
        "Les 1\u00a0797 images de « Optical Recognition of Handwritten Digits » de l'UCI "
        "(E. Alpaydin, C. Kaynak, 1998), licence CC BY 4.0.",
    ),
    "core.digits.samples": (
        "samples must be a whole number from {low} to {high} (the digits data has {count} images), got {value}",
        "samples doit être un nombre entier de {low} à {high} (les chiffres comptent {count} images), reçu {value}",
    ),
    "core.digits.damaged": (
        "the digits data shipped with nntui cannot be read ({reason}): reinstall nntui",
        "les chiffres livrés avec nntui ne peuvent pas être lus ({reason}) : réinstallez nntui",
    ),
}
