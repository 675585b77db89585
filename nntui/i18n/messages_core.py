"""Messages of nntui's core part: key → (English, French).

Keys are ``core.<module>.<name>``.  A counted noun is a pair of keys
``<key>.one`` / ``<key>.other`` with a ``{count}`` blank, chosen by
``nntui.core.plural.counted`` (French uses the singular for 0 and 1).
Blanks named ``where`` hold a place already in words, ending in ": "
(``core.file.at_input``…).  Messages quote names with straight double quotes
in both languages, as JSON does.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- numbers.py: numbers typed by a person -----------------------------------------
    "core.number.empty": (
        "empty: type a number such as 0.5 or -2",
        "vide : tapez un nombre comme 0,5 ou -2",
    ),
    "core.number.not_a_number": (
        '"{text}" is not a number: type one such as 0.5 or -2',
        '"{text}" n\'est pas un nombre : tapez-en un comme 0,5 ou -2',
    ),
    "core.number.nan": (
        '"{text}" is not a number (NaN): type a finite number',
        '"{text}" n\'est pas un nombre (NaN) : tapez un nombre fini',
    ),
    "core.number.infinite": (
        '"{text}" is too large (it overflows to infinity): type a finite number',
        '"{text}" est trop grand (il déborde vers l\'infini) : tapez un nombre fini',
    ),
    # --- activations.py ---------------------------------------------------------------
    "core.activation.unknown": (
        'unknown activation "{name}" (valid: {valid})',
        'fonction d\'activation inconnue "{name}" (valides : {valid})',
    ),
    "core.activation.formula.linear": ("f(z) = z", "f(z) = z"),
    "core.activation.formula.sigmoid": ("f(z) = 1 / (1 + e^-z)", "f(z) = 1 / (1 + e^-z)"),
    "core.activation.formula.tanh": ("f(z) = tanh(z)", "f(z) = tanh(z)"),
    "core.activation.formula.relu": ("f(z) = max(0, z)", "f(z) = max(0, z)"),
    "core.activation.formula.leaky_relu": (
        "f(z) = z if z ≥ 0 else {slope}·z",
        "f(z) = z si z ≥ 0, sinon {slope}·z",
    ),
    "core.activation.formula.step": ("f(z) = 1 if z ≥ 0 else 0", "f(z) = 1 si z ≥ 0, sinon 0"),
    "core.activation.formula.softmax": ("f(z)ⱼ = e^zⱼ / Σₖ e^zₖ", "f(z)ⱼ = e^zⱼ / Σₖ e^zₖ"),
    # --- network.py: the model ---------------------------------------------------------
    "core.network.input_layer": ("input", "entrée"),
    "core.network.output_layer": ("output", "sortie"),
    "core.network.hidden_layer": ("hidden {k}", "cachée {k}"),
    "core.network.untitled": ("untitled", "sans titre"),
    "core.network.new": ("new network", "nouveau réseau"),
    "core.network.bias_shape": (
        "bias has shape {shape}, expected ({n_out},)",
        "le biais a la forme {shape}, attendue : ({n_out},)",
    ),
    "core.network.neuron_names_count": (
        "{count} neuron names for {n_out} neurons",
        "{count} nom(s) de neurone pour {n_out} neurone(s)",
    ),
    "core.network.needs_input": (
        "a network needs at least one input",
        "un réseau a besoin d'au moins une entrée",
    ),
    "core.network.needs_layer": (
        "a network needs at least one layer",
        "un réseau a besoin d'au moins une couche",
    ),
    "core.network.input_values_count": (
        "{count} input values for {inputs} inputs",
        "{count} valeur(s) d'entrée pour {inputs} entrée(s)",
    ),
    "core.network.layer_mismatch": (
        "layer {k} takes {n_in} inputs but the previous layer has {previous} neurons",
        "la couche {k} prend {n_in} entrée(s) mais la couche précédente a {previous} neurone(s)",
    ),
    "core.network.forward_shape": (
        "expected {n_inputs} input values per sample, got shape {shape}",
        "{n_inputs} valeur(s) d'entrée attendue(s) par point, forme reçue : {shape}",
    ),
    "core.planes.two_inputs": (
        "heatmaps need a network with 2 inputs (this one has {n_inputs})",
        "les cartes de chaleur demandent un réseau à 2 entrées (celui-ci en a {n_inputs})",
    ),
    # --- shape.py: changes of shape and names ---------------------------------------------
    "core.shape.no_layer": ("there is no layer {column}", "il n'y a pas de couche {column}"),
    "core.shape.last_input": (
        "a network needs at least one input: this is the last one",
        "un réseau a besoin d'au moins une entrée : c'est la dernière",
    ),
    "core.shape.last_output_neuron": (
        "the output layer needs at least one neuron: this is the last one",
        "la couche de sortie a besoin d'au moins un neurone : c'est le dernier",
    ),
    "core.shape.only_neuron": (
        "this is the only neuron of its layer: remove the whole layer instead (D)",
        "c'est le seul neurone de sa couche : supprimez plutôt toute la couche (D)",
    ),
    "core.shape.remove_input_layer": (
        "the input layer cannot be removed; remove single inputs with d",
        "la couche d'entrée ne peut pas être supprimée ; supprimez une entrée à la fois avec d",
    ),
    "core.shape.remove_output_layer": (
        "the output layer cannot be removed: every network needs one",
        "la couche de sortie ne peut pas être supprimée : tout réseau en a besoin",
    ),
    "core.shape.name_empty": ("a name cannot be empty", "un nom ne peut pas être vide"),
    "core.shape.name_too_long": (
        "a name can have at most {limit} characters",
        "un nom peut avoir au plus {limit} caractères",
    ),
    "core.shape.name_control": (
        "a name cannot contain control characters",
        "un nom ne peut pas contenir de caractères de contrôle",
    ),
    "core.shape.name_taken": (
        '"{name}" is already the name of another neuron in this layer',
        '"{name}" est déjà le nom d\'un autre neurone de cette couche',
    ),
    "core.shape.rename_input_layer": (
        "the input layer is always called input; rename single inputs with c",
        "la couche d'entrée s'appelle toujours entrée ; renommez une entrée à la fois avec c",
    ),
    "core.shape.input_has_no_weights": (
        "inputs have no incoming weights: select a hidden or output neuron",
        "les entrées n'ont pas de poids entrants : sélectionnez un neurone caché ou de sortie",
    ),
    # --- edits.py: what an edit changed (undo, redo, the status line) -------------------
    "core.edit.input": ("input {name}", "entrée {name}"),
    "core.edit.bias": ("bias of {target}", "biais de {target}"),
    "core.edit.weight": ("weight {source} → {target}", "poids {source} → {target}"),
    "core.edit.activation": (
        "activation of {layer} = {activation}",
        "activation de {layer} = {activation}",
    ),
    # --- recovery.py: where unsaved work came from ---------------------------------------
    "core.recovery.preset": ("preset {name}", "exemple {name}"),
    "core.recovery.new_network": ("a new network", "un nouveau réseau"),
    "core.recovery.cannot_write": (
        "no recovery copy can be written in {folder}: {reason}",
        "aucune copie de secours ne peut être écrite dans {folder} : {reason}",
    ),
    "core.recovery.not_a_folder": ("{path} is not a folder", "{path} n'est pas un dossier"),
    "core.recovery.itself_not_a_folder": ("it is not a folder", "ce n'est pas un dossier"),
    "core.recovery.damaged": (
        "{label}: not a recovery copy nntui can read",
        "{label} : pas une copie de secours que nntui sait lire",
    ),
    # --- counted nouns (nntui.core.plural.counted) ---------------------------------------
    "core.count.neuron.one": ("{count} neuron", "{count} neurone"),
    "core.count.neuron.other": ("{count} neurons", "{count} neurones"),
    "core.count.input.one": ("{count} input", "{count} entrée"),
    "core.count.input.other": ("{count} inputs", "{count} entrées"),
    "core.count.output.one": ("{count} output", "{count} sortie"),
    "core.count.output.other": ("{count} outputs", "{count} sorties"),
    # --- fileformat.py, locations.py: reading network files --------------------------------
    "core.file.located": ("{label}: {problem}", "{label} : {problem}"),
    "core.file.kind.network": ("a network file", "un fichier de réseau"),
    "core.file.kind.csv": ("a CSV file", "un fichier CSV"),
    "core.file.kind.npz": ("an .npz file", "un fichier .npz"),
    "core.file.kind.recovery": ("a recovery copy", "une copie de secours"),
    "core.file.kind.progress": ("a list of solved challenges", "une liste de défis réussis"),
    "core.file.no_such_file": ("{label}: no such file", "{label} : fichier introuvable"),
    "core.file.is_a_directory": (
        "{label}: is a directory, not {kind}",
        "{label} : est un dossier, pas {kind}",
    ),
    "core.file.permission_denied": ("{label}: permission denied", "{label} : permission refusée"),
    "core.file.special": ("{label}: is {what}, not {kind}", "{label} : est {what}, pas {kind}"),
    "core.file.too_big": (
        "{label}: is {size}, more than the {limit} {kind} may have",
        "{label} : fait {size}, plus que les {limit} permis pour {kind}",
    ),
    "core.file.megabytes": ("{count} MB", "{count} Mo"),
    "core.file.cannot_read": (
        "{label}: cannot be read ({reason})",
        "{label} : ne peut pas être lu ({reason})",
    ),
    "core.file.not_text": (
        "{label}: not a text file (byte {byte} is not valid UTF-8)",
        "{label} : pas un fichier texte (l'octet {byte} n'est pas de l'UTF-8 valide)",
    ),
    "core.file.bad_json": (
        "{label}: not valid JSON: {reason} (line {line}, column {column})",
        "{label} : JSON invalide : {reason} (ligne {line}, colonne {column})",
    ),
    "core.file.too_deep": (
        "{label}: not {kind}: the JSON is nested too deeply",
        "{label} : pas {kind} : le JSON est imbriqué trop profondément",
    ),
    "core.file.too_many_digits": (
        "{label}: not valid JSON: a number has too many digits",
        "{label} : JSON invalide : un nombre a trop de chiffres",
    ),
    "core.file.constant": (
        "{name} is not allowed: every number must be finite",
        "{name} n'est pas permis : tout nombre doit être fini",
    ),
    "core.file.top_level": (
        "expected a JSON object at the top level, found {found}",
        "un objet JSON était attendu au premier niveau, trouvé : {found}",
    ),
    "core.file.not_regular": (
        "it is {kind}, not a regular file: nntui never replaces it",
        "c'est {kind}, pas un fichier ordinaire : nntui ne le remplace jamais",
    ),
    "core.file.kind_of.directory": ("a folder", "un dossier"),
    "core.file.kind_of.fifo": ("a named pipe (FIFO)", "un tube nommé (FIFO)"),
    "core.file.kind_of.socket": ("a socket", "une socket"),
    "core.file.kind_of.device": ("a device", "un périphérique"),
    "core.file.kind_of.special": ("a special file", "un fichier spécial"),
    "core.file.no_format_key": ('no "format" key', 'aucune clé "format"'),
    "core.file.format_found": ("format {format}", "le format {format}"),
    "core.file.not_nntui": (
        'not an nntui network file: expected "format": "{format}", found {found}',
        'pas un fichier de réseau nntui : "format": "{format}" était attendu, trouvé : {found}',
    ),
    "core.file.no_version": (
        'missing "version": this nntui reads version {version}',
        '"version" manque : ce nntui lit la version {version}',
    ),
    "core.file.version": (
        "unsupported format version {found}: this nntui reads version {version}",
        "version de format non prise en charge {found} : ce nntui lit la version {version}",
    ),
    "core.file.missing_inputs": (
        'missing "inputs": a network needs at least one input',
        '"inputs" manque : un réseau a besoin d\'au moins une entrée',
    ),
    "core.file.missing_layers": (
        'missing "layers": a network needs at least one layer',
        '"layers" manque : un réseau a besoin d\'au moins une couche',
    ),
    "core.file.empty_inputs": (
        '"inputs" is empty: a network needs at least one input',
        '"inputs" est vide : un réseau a besoin d\'au moins une entrée',
    ),
    "core.file.empty_layers": (
        '"layers" is empty: a network needs at least one layer',
        '"layers" est vide : un réseau a besoin d\'au moins une couche',
    ),
    "core.file.not_list": (
        '"{field}" must be a list, found {found}',
        '"{field}" doit être une liste, trouvé : {found}',
    ),
    "core.file.at_input": ("input {index}: ", "entrée {index} : "),
    "core.file.input_not_object": (
        '{where}expected an object like {{"name": "x1", "value": 0}}, found {found}',
        '{where}un objet comme {{"name": "x1", "value": 0}} était attendu, trouvé : {found}',
    ),
    "core.file.input_no_name": ('{where}missing "name"', '{where}"name" manque'),
    "core.file.input_empty_name": ('{where}"name" must not be empty', '{where}"name" ne doit pas être vide'),
    "core.file.at_layer": ("layer {k}: ", "couche {k} : "),
    "core.file.at_named_layer": ("layer {k} ({name}): ", "couche {k} ({name}) : "),
    "core.file.layer_not_object": (
        "{where}expected an object, found {found}",
        "{where}un objet était attendu, trouvé : {found}",
    ),
    "core.file.no_activation": (
        '{where}missing "activation" (valid: {valid})',
        '{where}"activation" manque (valides : {valid})',
    ),
    "core.file.unknown_activation": (
        "{where}unknown activation {name} (valid: {valid})",
        "{where}fonction d'activation inconnue {name} (valides : {valid})",
    ),
    "core.file.no_weights": ('{where}missing "weights"', '{where}"weights" manque'),
    "core.file.weights_not_rows": (
        '{where}"weights" must be a non-empty list of rows (one row per neuron), found {found}',
        '{where}"weights" doit être une liste non vide de lignes (une ligne par neurone), trouvé : {found}',
    ),
    "core.file.row_not_list": (
        "{where}weights row {row} must be a list of {n_in} numbers, found {found}",
        "{where}la ligne de poids {row} doit être une liste de {n_in} nombre(s), trouvé : {found}",
    ),
    "core.file.row_length": (
        "{where}weights row {row} has {count} values but the previous layer has {neurons}",
        "{where}la ligne de poids {row} a {count} valeur(s) mais la couche précédente a {neurons}",
    ),
    "core.file.weight_value": (
        "{where}weights row {row} value {column}",
        "{where}ligne de poids {row}, valeur {column}",
    ),
    "core.file.bias_not_list": (
        '{where}"bias" must be a list of {n_out} numbers, found {found}',
        '{where}"bias" doit être une liste de {n_out} nombre(s), trouvé : {found}',
    ),
    "core.file.bias_length": (
        "{where}bias has {count} values but the layer has {neurons} (one weights row each)",
        "{where}le biais a {count} valeur(s) mais la couche a {neurons} (une ligne de poids chacun)",
    ),
    "core.file.bias_value": ("{where}bias value {index}", "{where}biais, valeur {index}"),
    "core.file.neurons_not_names": (
        '{where}"neurons" must be a list of names (strings)',
        '{where}"neurons" doit être une liste de noms (des chaînes)',
    ),
    "core.file.neurons_length": (
        "{where}{count} neuron names but the layer has {neurons} (one weights row each)",
        "{where}{count} nom(s) de neurone mais la couche a {neurons} (une ligne de poids chacun)",
    ),
    "core.file.duplicate_key": ("{where}duplicate key {field}", "{where}clé en double {field}"),
    "core.file.unknown_key": (
        "{where}unknown key {field} (expected one of: {allowed})",
        "{where}clé inconnue {field} (clés possibles : {allowed})",
    ),
    "core.file.not_string": (
        '{where}"{field}" must be a string, found {found}',
        '{where}"{field}" doit être une chaîne, trouvé : {found}',
    ),
    "core.file.not_number": (
        "{where} must be a number, found {found}",
        "{where} doit être un nombre, trouvé : {found}",
    ),
    "core.file.too_large": (
        "{where} is too large: every number must be finite",
        "{where} est trop grand : tout nombre doit être fini",
    ),
    "core.file.found.number": ("the number {value}", "le nombre {value}"),
    "core.file.found.text": ("the text {text}", "le texte {text}"),
    "core.file.found.list": ("a list", "une liste"),
    "core.file.found.object": ("an object", "un objet"),
    # --- datasets/: generated data and CSV files ------------------------------------------
    "core.dataset.circle": (
        "Class 1 in a disc at the centre, class 0 in a ring around it.",
        "Classe 1 dans un disque au centre, classe 0 dans un anneau autour.",
    ),
    "core.dataset.xor": (
        "Class 1 where x1 and x2 have the same sign, class 0 where they differ.",
        "Classe 1 où x1 et x2 ont le même signe, classe 0 où ils diffèrent.",
    ),
    "core.dataset.gaussians": (
        "Two Gaussian blobs, one per class, on either side of x1 + x2 = 0.",
        "Deux nuages gaussiens, un par classe, de part et d'autre de x1 + x2 = 0.",
    ),
    "core.dataset.spiral": (
        "Two interleaved spiral arms, one per class.",
        "Deux bras de spirale entrelacés, un par classe.",
    ),
    "core.dataset.plane": (
        "Regression: y = (x1 + x2) / 2, a tilted plane.",
        "Régression : y = (x1 + x2) / 2, un plan incliné.",
    ),
    "core.dataset.multi_gaussian": (
        "Regression: three Gaussian bumps and three dips.",
        "Régression : trois bosses gaussiennes et trois creux.",
    ),
    "core.data.unknown_kind": (
        "unknown dataset kind {kind} (valid: {valid})",
        "type de données inconnu {kind} (valides : {valid})",
    ),
    "core.data.needs_columns": (
        "a dataset needs at least one input and one output",
        "des données ont besoin d'au moins une entrée et une sortie",
    ),
    "core.data.array_shape": (
        "{array} has shape {shape}, expected (samples, {columns})",
        "{array} a la forme {shape}, attendue : (points, {columns})",
    ),
    "core.data.not_finite": ("{array} holds NaN or infinity", "{array} contient NaN ou l'infini"),
    "core.data.rows": (
        "{x_train}/{x_test} input rows but {y_train}/{y_test} output rows (train/test)",
        "{x_train}/{x_test} lignes d'entrée mais {y_train}/{y_test} lignes de sortie (entraînement/test)",
    ),
    "core.data.needs_sample": (
        "a dataset needs at least one training sample",
        "des données ont besoin d'au moins un point d'entraînement",
    ),
    "core.data.labels": (
        "classification outputs must be 0 or 1",
        "les sorties d'une classification doivent valoir 0 ou 1",
    ),
    "core.data.unknown_dataset": (
        "unknown dataset {name} (valid: {valid})",
        "données inconnues {name} (valides : {valid})",
    ),
    "core.data.samples": (
        "samples must be a whole number from {low} to {high}, got {value}",
        "samples doit être un nombre entier de {low} à {high}, reçu {value}",
    ),
    "core.data.noise": (
        "noise must be from 0 to {high}, got {value}",
        "noise doit être entre 0 et {high}, reçu {value}",
    ),
    "core.data.test_fraction": (
        "test_fraction must be between 0 and 1 (both excluded), got {value}",
        "test_fraction doit être entre 0 et 1 (exclus), reçu {value}",
    ),
    "core.data.seed": (
        "seed must be a whole number >= 0, got {value}",
        "seed doit être un nombre entier >= 0, reçu {value}",
    ),
    "core.csv.invalid": (
        "line {line}: not valid CSV ({reason})",
        "ligne {line} : CSV invalide ({reason})",
    ),
    "core.csv.row_length": (
        "line {line}: expected {count} values ({names}), found {found}",
        "ligne {line} : {count} valeurs attendues ({names}), trouvé {found}",
    ),
    "core.csv.at_cell": (
        "line {line}, column {column} ({name})",
        "ligne {line}, colonne {column} ({name})",
    ),
    "core.csv.not_number": (
        "{where}: expected a number, found {found}",
        "{where} : un nombre était attendu, trouvé : {found}",
    ),
    "core.forward.overflow": (
        'the result overflowed: layer {k} ("{layer}") neuron "{neuron}" is not a finite number; '
        "use smaller weights or inputs",
        'le résultat a débordé : dans la couche {k} ("{layer}"), le neurone "{neuron}" n\'est '
        "pas un nombre fini ; prenez des poids ou des entrées plus petits",
    ),
    "core.forward.overflow_somewhere": (
        "the result overflowed to a non-finite number",
        "le résultat a débordé vers un nombre non fini",
    ),
    "core.csv.too_large": (
        "{where}: {found} is too large (at most {most} either way); scale the column down",
        "{where} : {found} est trop grand (au plus {most} dans un sens ou dans l'autre) ; "
        "réduisez l'échelle de la colonne",
    ),
    "core.csv.not_finite": (
        "{where}: expected a finite number, found {found}",
        "{where} : un nombre fini était attendu, trouvé : {found}",
    ),
    "core.csv.empty": (
        'empty file: expected a header line like "x1,x2,y", then data rows',
        'fichier vide : une ligne d\'en-tête comme "x1,x2,y" était attendue, puis des lignes de données',
    ),
    "core.csv.no_rows": ("no data rows after the header", "aucune ligne de données après l'en-tête"),
    "core.csv.one_row": (
        "only 1 data row: need at least 2 to split into training and test data",
        "une seule ligne de données : il en faut au moins 2 pour séparer données d'entraînement et de test",
    ),
    "core.csv.empty_name": (
        "line {line}, column {column}: empty column name",
        "ligne {line}, colonne {column} : nom de colonne vide",
    ),
    "core.csv.duplicate": (
        "line {line}: duplicate column name {name} (columns {first} and {column})",
        "ligne {line} : nom de colonne en double {name} (colonnes {first} et {column})",
    ),
    "core.csv.one_column": (
        "line {line}: one column named {name}: separate the columns with commas",
        "ligne {line} : une seule colonne nommée {name} : séparez les colonnes par des virgules",
    ),
    # nntui/core/paths.py: a path no system call could take
    "core.path.nul": (
        "{path}: a path cannot hold a NUL character",
        "{path} : un chemin ne peut contenir de caractère NUL",
    ),
    "core.path.encoding": (
        "{path}: this path has a character the system cannot write",
        "{path} : ce chemin a un caractère que le système ne sait pas écrire",
    ),
    "core.path.too_long": (
        "{path}: the path is {count} bytes long, more than {limit}",
        "{path} : le chemin fait {count} octets, plus de {limit}",
    ),
    "core.path.name_too_long": (
        "{path}: a name in this path is {count} bytes long, more than {limit}",
        "{path} : un nom de ce chemin fait {count} octets, plus de {limit}",
    ),
    "core.csv.labels_note": (
        "{name} read as {count} classes ({labels}), one output each; "
        "to read it as numbers, write them with a decimal point ({example})",
        "{name} lue comme {count} classes ({labels}), une sortie chacune ; "
        "pour la lire comme des nombres, écrivez-les avec une décimale ({example})",
    ),
    "core.csv.no_output": (
        "no output column: name the last column(s) y, y1, y2...",
        "aucune colonne de sortie : nommez la ou les dernières colonnes y, y1, y2...",
    ),
    "core.csv.no_input": (
        'no input column: every column name starts with "y", which marks an output',
        'aucune colonne d\'entrée : chaque nom de colonne commence par "y", qui marque une sortie',
    ),
    "core.csv.output_first": (
        "output column {name} must come after the input columns",
        "la colonne de sortie {name} doit venir après les colonnes d'entrée",
    ),
    # --- export.py: .npz files and PyTorch scripts ----------------------------------------
    "core.export.not_npz": ("{label}: not an .npz file", "{label} : pas un fichier .npz"),
    "core.export.single_npy": (
        "{label}: a single .npy array, not an .npz file of a network",
        "{label} : un seul tableau .npy, pas un fichier .npz de réseau",
    ),
    "core.export.unreadable_array": (
        "{label}: an array cannot be read ({reason})",
        "{label} : un tableau ne peut pas être lu ({reason})",
    ),
    "core.export.no_inputs": (
        '"input_names" is empty: a network needs at least one input',
        '"input_names" est vide : un réseau a besoin d\'au moins une entrée',
    ),
    "core.export.no_layers": (
        '"activations" is empty: a network needs at least one layer',
        '"activations" est vide : un réseau a besoin d\'au moins une couche',
    ),
    "core.export.input_values": (
        '"input_values" has {count} values for {names} input names',
        '"input_values" a {count} valeur(s) pour {names} nom(s) d\'entrée',
    ),
    "core.export.layer_names": (
        '"layer_names" has {count} entries but "activations" lists {layers} layers',
        '"layer_names" a {count} élément(s) mais "activations" décrit {layers} couche(s)',
    ),
    "core.export.extra_layer": (
        '"{array}" is present but "activations" lists {layers} layers',
        '"{array}" est présent mais "activations" décrit {layers} couche(s)',
    ),
    "core.export.name": ('"name" must be a single string', '"name" doit être une seule chaîne'),
    "core.export.unknown_activation": (
        'layer {k}: unknown activation "{name}" (valid: {valid})',
        'couche {k} : fonction d\'activation inconnue "{name}" (valides : {valid})',
    ),
    "core.export.weight_shape": (
        '"layer{k}.weight" has shape {shape}, expected ({n_out}, {n_in}): (neurons, neurons of the previous layer)',
        '"layer{k}.weight" a la forme {shape}, attendue : ({n_out}, {n_in}) '
        "(neurones, neurones de la couche précédente)",
    ),
    "core.export.bias_shape": (
        '"layer{k}.bias" has shape {shape}, expected ({n_out},)',
        '"layer{k}.bias" a la forme {shape}, attendue : ({n_out},)',
    ),
    "core.export.neuron_names": (
        '"layer{k}.neuron_names" has {count} names for {n_out} neurons',
        '"layer{k}.neuron_names" a {count} nom(s) pour {n_out} neurone(s)',
    ),
    "core.export.missing": ('missing array "{array}"', 'le tableau "{array}" manque'),
    "core.export.not_strings": (
        '"{array}" must be a 1-d array of strings, found {ndim}-d {dtype}',
        '"{array}" doit être un tableau 1-d de chaînes, trouvé : {ndim}-d {dtype}',
    ),
    "core.export.not_numbers": (
        '"{array}" must be a {expected}-d array of numbers, found {ndim}-d {dtype}',
        '"{array}" doit être un tableau {expected}-d de nombres, trouvé : {ndim}-d {dtype}',
    ),
    "core.export.not_finite": (
        '"{array}" holds NaN or infinity: every number must be finite',
        '"{array}" contient NaN ou l\'infini : tout nombre doit être fini',
    ),
    "core.export.inputs_not_finite": (
        "the input values hold NaN or infinity: nothing sensible to export",
        "les valeurs d'entrée contiennent NaN ou l'infini : rien de sensé à exporter",
    ),
    "core.export.weights_not_finite": (
        'layer {k} ("{layer}") weights hold NaN or infinity: nothing sensible to export',
        'les poids de la couche {k} ("{layer}") contiennent NaN ou l\'infini : rien de sensé à exporter',
    ),
    "core.export.biases_not_finite": (
        'layer {k} ("{layer}") biases hold NaN or infinity: nothing sensible to export',
        'les biais de la couche {k} ("{layer}") contiennent NaN ou l\'infini : rien de sensé à exporter',
    ),
    "core.export.torch.network": ("nntui network: {name}", "réseau nntui : {name}"),
    "core.export.torch.inputs": ("Inputs: {names}", "Entrées : {names}"),
    "core.export.torch.exported": (
        "Exported by nntui for PyTorch; weights are float64 and exact.",
        "Exporté par nntui pour PyTorch ; les poids sont en float64 et exacts.",
    ),
    "core.export.torch.step_doc": (
        "nntui's step activation: 1 where z >= 0, else 0 (PyTorch has none).",
        "L'activation échelon de nntui : 1 où z >= 0, sinon 0 (PyTorch n'en a pas).",
    ),
    # --- presets.py ------------------------------------------------------------------------
    "core.preset.unknown": (
        'unknown preset "{name}" (available: {available})',
        'exemple inconnu "{name}" (disponibles : {available})',
    ),
    "core.preset.label": ("preset {name}", "exemple {name}"),
    "core.training.learning_rate": (
        "the learning rate must be a positive number, not {value}",
        "le taux d'apprentissage doit être un nombre positif, pas {value}",
    ),
    "core.training.batch_size": (
        "the batch size must be at least 1, not {value}",
        "la taille de lot doit être d'au moins 1, pas {value}",
    ),
    "core.training.optimizer": (
        'unknown optimizer "{name}" (valid: {valid})',
        "optimiseur inconnu « {name} » (valides : {valid})",
    ),
    "core.training.momentum": (
        "the momentum must be at least 0 and below 1, not {value}",
        "l'inertie (momentum) doit être au moins 0 et inférieure à 1, pas {value}",
    ),
    "core.training.regularization": (
        'unknown regularization "{name}" (valid: {valid})',
        "régularisation inconnue « {name} » (valides : {valid})",
    ),
    "core.training.regularization_rate": (
        "the regularization rate must be a number ≥ 0",
        "le taux de régularisation doit être un nombre ≥ 0",
    ),
    "core.training.loss": (
        'unknown loss "{name}" (valid: {valid})',
        "perte inconnue « {name} » (valides : {valid})",
    ),
    "core.training.layers_changed": (
        "the network's layers changed during training: start a new trainer",
        "les couches du réseau ont changé pendant l'entraînement : recommencez-le",
    ),
    "core.training.layer_reshaped": (
        "layer {layer} changed shape during training: start a new trainer",
        "la couche {layer} a changé de forme pendant l'entraînement : recommencez-le",
    ),
    "core.training.state_optimizer": (
        "the saved optimiser state is not that of {optimizer}",
        "l'état d'optimiseur enregistré n'est pas celui de {optimizer}",
    ),
    "core.training.state_samples": (
        "the saved place in the batches is over {found} samples, the data has {samples}",
        "la position enregistrée dans les lots porte sur {found} exemples, les données en ont {samples}",
    ),
    "core.training.state_replay": (
        "the saved place in the batches is after {epochs} shuffles of the data, too many to replay "
        "(about a second's worth at most)",
        "la position enregistrée dans les lots suit {epochs} mélanges des données, trop pour les rejouer "
        "(une seconde environ au plus)",
    ),
    "core.training.state_shape": (
        "the saved optimiser state does not have the network's shape",
        "l'état d'optimiseur enregistré n'a pas la forme du réseau",
    ),
    "core.training.input_columns": (
        "the data has {data} input columns but the network has {network} inputs",
        "les données ont {data} colonnes d'entrée mais le réseau a {network} entrées",
    ),
    "core.training.output_columns": (
        "the data has {data} output columns but the network has {network} outputs",
        "les données ont {data} colonnes de sortie mais le réseau a {network} sorties",
    ),
    "core.training.targets": (
        "the data needs as many targets as samples, and at least one",
        "les données doivent avoir autant de cibles que d'exemples, et au moins un",
    ),
    "core.training.diverged": (
        "training diverged at step {step}: the loss became {value} — "
        "the weights from before that step were restored; lower the learning rate",
        "l'entraînement a divergé à l'étape {step} : la perte est devenue {value} — "
        "les poids d'avant cette étape ont été rétablis ; baissez le taux d'apprentissage",
    ),
    "core.training.softmax_of_one": (
        "a softmax over a single output is always 1, so it cannot learn: use sigmoid for one output",
        "un softmax sur une seule sortie vaut toujours 1, il ne peut rien apprendre : utilisez sigmoid pour une sortie",
    ),
    "core.training.mismatch": (
        "the {data} data has {has} but the network has {network}",
        "les données {data} ont {has} mais le réseau en a {network}",
    ),
}
