"""Messages of nntui's cli part: key → (English, French).

Every word ``nntui`` prints outside the playground (nntui/cli/): help,
errors, progress.  ``cli.argparse.*`` are argparse's own fixed texts, worded
here so they follow the language too (see the note in cli/arguments.py).  The argument
names FILE, NAME... are ``cli.metavar.*``: the French help and messages say
FICHIER, NOM...  Counted nouns (``<key>.one`` / ``<key>.other``) are chosen by
``nntui.core.plural.counted``.  Progress lines keep their numbers as Python
writes them (0.25, not 0,25), so scripts can read them in either language.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- argparse's own words -----------------------------------------------------------
    "cli.argparse.usage": ("usage: ", "utilisation : "),
    "cli.argparse.positionals": ("positional arguments", "arguments positionnels"),
    "cli.argparse.options": ("options", "options"),
    # A section title as argparse prints it, before its colon: French puts a space there.
    "cli.argparse.heading": ("{title}", "{title} "),
    "cli.argparse.help": ("show this help message and exit", "afficher ce message d'aide et quitter"),
    "cli.argparse.version": (
        "show program's version number and exit",
        "afficher le numéro de version du programme et quitter",
    ),
    "cli.argparse.argument": ("argument {argument}: {message}", "argument {argument} : {message}"),
    "cli.argparse.required": (
        "the following arguments are required: {arguments}",
        "les arguments suivants sont obligatoires : {arguments}",
    ),
    "cli.argparse.one_required": (
        "one of the arguments {arguments} is required",
        "l'un des arguments {arguments} est obligatoire",
    ),
    "cli.argparse.unrecognized": (
        "unrecognized arguments: {arguments}",
        "arguments non reconnus : {arguments}",
    ),
    "cli.argparse.expected_one": ("expected one argument", "un argument est attendu"),
    "cli.argparse.expected_at_most_one": ("expected at most one argument", "un argument au plus est attendu"),
    "cli.argparse.expected_at_least_one": (
        "expected at least one argument",
        "au moins un argument est attendu",
    ),
    "cli.argparse.expected_count": ("expected {count} arguments", "{count} arguments sont attendus"),
    "cli.argparse.invalid_choice": (
        "invalid choice: {value} (choose from {choices})",
        "choix invalide : {value} (choisissez parmi {choices})",
    ),
    "cli.argparse.invalid_value": ("invalid {type} value: {value}", "valeur {type} invalide : {value}"),
    "cli.argparse.not_allowed": (
        "not allowed with argument {other}",
        "incompatible avec l'argument {other}",
    ),
    "cli.argparse.ignored_explicit": (
        "ignored explicit argument {value}",
        "argument explicite ignoré : {value}",
    ),
    "cli.argparse.ambiguous": (
        "ambiguous option: {option} could match {matches}",
        "option ambiguë : {option} peut correspondre à {matches}",
    ),
    "cli.argparse.unexpected_option": (
        "unexpected option string: {option}",
        "option inattendue : {option}",
    ),
    # --- errors, and the language itself --------------------------------------------------
    "cli.error.line": ("nntui: error: {message}", "nntui : erreur : {message}"),
    "cli.error.see_help": ("{message} (see '{prog} --help')", "{message} (voir '{prog} --help')"),
    "cli.error.cannot_write": (
        "cannot write the output: {reason}",
        "impossible d'écrire la sortie : {reason}",
    ),
    "cli.launch.work_lost": (
        "nntui: the unsaved changes are lost: {message}",
        "nntui : les modifications non enregistrées sont perdues : {message}",
    ),
    "cli.error.file_and_preset": (
        "give either FILE or --preset NAME, not both",
        "donnez FICHIER ou --preset NOM, pas les deux",
    ),
    "cli.error.empty_file_name": ("the file name is empty", "le nom de fichier est vide"),
    "cli.error.is_a_directory": (
        "{file}: is a directory, not a network file",
        "{file} : est un dossier, pas un fichier de réseau",
    ),
    "cli.lang.unknown": (
        'unknown language "{value}" for --lang (valid: {valid})',
        'langue inconnue "{value}" pour --lang (valides : {valid})',
    ),
    "cli.lang.missing": (
        "--lang needs a language ({valid})",
        "--lang demande une langue ({valid})",
    ),
    # --- help -------------------------------------------------------------------------------
    "cli.metavar.file": ("FILE", "FICHIER"),
    "cli.metavar.name": ("NAME", "NOM"),
    "cli.metavar.csv": ("FILE.csv", "FICHIER.csv"),
    "cli.metavar.out": ("OUT.json", "SORTIE.json"),
    "cli.metavar.address": ("ADDRESS", "ADRESSE"),
    "cli.metavar.lang": ("LANG", "LANGUE"),
    "cli.main.description": (
        "A terminal playground for small feed-forward neural networks.",
        "Un terrain de jeu dans le terminal pour de petits réseaux de neurones à propagation avant.",
    ),
    "cli.main.epilog": (
        "commands:\n"
        "  nntui presets                 list the example networks\n"
        "  nntui challenges              list the challenges, and those solved\n"
        "  nntui eval FILE|--preset NAME [--input v1,v2,...]\n"
        "                                print every layer's values as JSON\n"
        "  nntui train FILE|--preset NAME (--dataset NAME | --data FILE.csv)\n"
        "              --steps N -o OUT.json\n"
        "                                train a network and save it\n"
        "  nntui serve [FILE|--preset NAME] [--port N] [--host ADDRESS]\n"
        "                                open the playground in a web browser\n"
        "\nRun 'nntui eval --help', 'nntui train --help' or 'nntui serve --help' for details.",
        "commandes :\n"
        "  nntui presets                 lister les réseaux d'exemple\n"
        "  nntui challenges              lister les défis, et ceux réussis\n"
        "  nntui eval FICHIER|--preset NOM [--input v1,v2,...]\n"
        "                                afficher les valeurs de chaque couche en JSON\n"
        "  nntui train FICHIER|--preset NOM (--dataset NOM | --data FICHIER.csv)\n"
        "              --steps N -o SORTIE.json\n"
        "                                entraîner un réseau et l'enregistrer\n"
        "  nntui serve [FICHIER|--preset NOM] [--port N] [--host ADRESSE]\n"
        "                                ouvrir le terrain de jeu dans un navigateur web\n"
        "\nLancez 'nntui eval --help', 'nntui train --help' ou 'nntui serve --help' "
        "pour les détails.",
    ),
    "cli.help.file": ("a network file (.json)", "un fichier de réseau (.json)"),
    "cli.help.file_to_open": ("a network file (.json) to open", "un fichier de réseau (.json) à ouvrir"),
    "cli.help.preset": ("a shipped example network", "un réseau d'exemple fourni"),
    "cli.help.preset_to_open": (
        "open a shipped example network instead",
        "ouvrir plutôt un réseau d'exemple fourni",
    ),
    "cli.help.lang": (
        "the language: en or fr (default: from the locale)",
        "la langue : en ou fr (par défaut : celle de la locale)",
    ),
    "cli.help.input": (
        "comma-separated input values, or the point's coordinates when the inputs are features of a point "
        "(default: the values stored in the network)",
        "valeurs d'entrée séparées par des virgules, ou les coordonnées du point quand les entrées en sont des "
        "caractéristiques (par défaut : celles enregistrées dans le réseau)",
    ),
    "cli.help.dataset": (
        "generated data: {names}; or digits, 1,797 handwritten digits of 8 × 8 pixels "
        "(UCI, E. Alpaydin and C. Kaynak, CC BY 4.0), for a network of 64 inputs and 10 outputs",
        "données générées : {names} ; ou digits, 1\u00a0797 chiffres écrits à la main de 8 × 8 pixels "
        "(UCI, E. Alpaydin et C. Kaynak, CC BY 4.0), pour un réseau de 64 entrées et 10 sorties",
    ),
    "cli.help.data_in_playground": (
        "train on this CSV file: the playground opens on the training view (ctrl+t) with it; "
        "a header, input columns, then y, y1...",
        "s'entraîner sur ce fichier CSV : le terrain de jeu s'ouvre sur la vue d'entraînement (ctrl+t) "
        "avec lui ; un en-tête, les colonnes d'entrée, puis y, y1...",
    ),
    "cli.help.data": (
        "a CSV file: a header, input columns, then y, y1...",
        "un fichier CSV : un en-tête, les colonnes d'entrée, puis y, y1...",
    ),
    "cli.help.noise": (
        "noise of --dataset, 0 to {high} (default {default})",
        "bruit de --dataset, de 0 à {high} (par défaut {default})",
    ),
    "cli.help.steps": ("training steps, 1 to {high}", "pas d'entraînement, de 1 à {high}"),
    "cli.help.lr": ("learning rate (default {default})", "taux d'apprentissage (par défaut {default})"),
    "cli.help.batch": ("batch size (default {default})", "taille des lots (par défaut {default})"),
    "cli.help.default": ("(default {default})", "(par défaut {default})"),
    "cli.help.seed": (
        "seeds the data and the batches (default {default})",
        "graine des données et des lots (par défaut {default})",
    ),
    "cli.help.output": ("where to save the trained network", "où enregistrer le réseau entraîné"),
    "cli.help.port": (
        "the port to listen on, 1 to 65535 (default {default})",
        "le port d'écoute, de 1 à 65535 (par défaut {default})",
    ),
    "cli.help.host": (
        "the address to listen on and to put in the URL (default {default}: this computer "
        "only); anyone who can reach another address can use the playground and its files",
        "l'adresse d'écoute, reprise dans l'URL (par défaut {default}, cet ordinateur "
        "seulement) ; quiconque peut joindre une autre adresse peut utiliser le terrain de "
        "jeu et ses fichiers",
    ),
    "cli.help.max_sessions": (
        "how many browser tabs may have a playground at once, 1 to {high} (default {default})",
        "combien d'onglets peuvent avoir un terrain de jeu à la fois, de 1 à {high} (par défaut {default})",
    ),
    # --- nntui presets ----------------------------------------------------------------------
    "cli.presets.description": (
        "List the example networks shipped with nntui.",
        "Lister les réseaux d'exemple fournis avec nntui.",
    ),
    "cli.presets.default": ("(default)", "(par défaut)"),
    # --- nntui challenges -------------------------------------------------------------------
    "cli.challenges.description": (
        "List the challenges of the playground, with a ✓ for those you have solved.",
        "Lister les défis du terrain de jeu, avec un ✓ pour ceux que vous avez réussis.",
    ),
    "cli.challenges.solved": ("✓ solved", "✓ réussi"),
    "cli.challenges.how_to_open": (
        "To take one up, press g in the playground (run nntui).",
        "Pour en relever un, appuyez sur g dans le terrain de jeu (lancez nntui).",
    ),
    # --- nntui eval -------------------------------------------------------------------------
    "cli.eval.description": (
        "Run a network's forward pass and print one JSON object: {example}.",
        "Calculer la propagation avant d'un réseau et afficher un objet JSON : {example}.",
    ),
    "cli.eval.needs_network": (
        "nntui eval needs a FILE or --preset NAME (see 'nntui eval --help')",
        "nntui eval demande un FICHIER ou --preset NOM (voir 'nntui eval --help')",
    ),
    "cli.eval.input_count": (
        "--input has {values} but the network has {inputs}",
        "--input a {values} mais le réseau a {inputs}",
    ),
    "cli.eval.input_value": ("--input value {position}: {error}", "--input, valeur {position} : {error}"),
    "cli.count.value.one": ("{count} value", "{count} valeur"),
    "cli.count.value.other": ("{count} values", "{count} valeurs"),
    # --- nntui train ------------------------------------------------------------------------
    "cli.train.usage": (
        "nntui train FILE|--preset NAME [--dataset NAME [--noise N] | --data FILE.csv]\n"
        "                   --steps N [--lr R] [--batch B] [--optimizer NAME]\n"
        "                   [--regularization NAME] [--regularization-rate R] [--seed S]\n"
        "                   -o OUT.json",
        "nntui train FICHIER|--preset NOM\n"
        "                          [--dataset NOM [--noise N] | --data FICHIER.csv]\n"
        "                          --steps N [--lr R] [--batch B] [--optimizer NOM]\n"
        "                          [--regularization NOM] [--regularization-rate R]\n"
        "                          [--seed S] -o SORTIE.json",
    ),
    "cli.train.description": (
        "Train a network and save it to OUT.json, with the settings used and the steps done. "
        "The same options and seed give the same network, bit for bit, as training in the "
        "playground. A FILE saved with training settings (by the playground or nntui train) "
        "gives the defaults: --dataset or --data may be left out, and each option given "
        "overrides one setting. Without such an option, training goes on exactly where the "
        "FILE's stopped (the optimiser's memory, the place in the batches): N steps give the "
        "network of N more steps in the playground.",
        "Entraîner un réseau et l'enregistrer dans SORTIE.json, avec les réglages utilisés et "
        "les pas faits. Les mêmes options et la même graine donnent le même réseau, bit pour bit, "
        "que l'entraînement dans le terrain de jeu. Un FICHIER enregistré avec ses réglages "
        "d'entraînement (par le terrain de jeu ou nntui train) donne les valeurs par défaut : "
        "--dataset ou --data peuvent être omis, et chaque option donnée remplace un réglage. "
        "Sans une telle option, l'entraînement reprend exactement où celui du FICHIER s'est "
        "arrêté (la mémoire de l'optimiseur, la position dans les lots) : N pas donnent le "
        "réseau de N pas de plus dans le terrain de jeu.",
    ),
    "cli.train.needs_network": (
        "nntui train needs a FILE or --preset NAME (see 'nntui train --help')",
        "nntui train demande un FICHIER ou --preset NOM (voir 'nntui train --help')",
    ),
    "cli.value.positive": ("must be greater than 0, not {value}", "doit être supérieur à 0, pas {value}"),
    "cli.value.at_least": ("must be {low} or more, not {value}", "doit valoir au moins {low}, pas {value}"),
    "cli.value.range": (
        "must be from {low} to {high}, not {value}",
        "doit être de {low} à {high}, pas {value}",
    ),
    "cli.value.not_whole": ('"{value}" is not a whole number', '"{value}" n\'est pas un nombre entier'),
    "cli.train.output_empty": ("the -o file name is empty", "le nom de fichier de -o est vide"),
    "cli.train.output_is_dir": (
        "{name}: is a directory; give a file name for the trained network",
        "{name} : est un dossier ; donnez un nom de fichier pour le réseau entraîné",
    ),
    "cli.train.no_folder": (
        "{name}: the folder {folder} does not exist",
        "{name} : le dossier {folder} n'existe pas",
    ),
    "cli.train.folder_not_writable": (
        "{name}: the folder {folder} is not writable",
        "{name} : le dossier {folder} n'est pas accessible en écriture",
    ),
    "cli.train.noise_with_data": (
        "--noise applies to --dataset only, not to --data",
        "--noise s'applique à --dataset seulement, pas à --data",
    ),
    "cli.train.data_empty": ("the --data file name is empty", "le nom de fichier de --data est vide"),
    "cli.train.unknown_dataset": (
        'unknown dataset "{name}" (available: {available})',
        'données inconnues "{name}" (disponibles : {available})',
    ),
    "cli.train.line": (
        "step {done}/{steps} loss {loss} test {test}{accuracy}",
        "pas {done}/{steps} perte {loss} test {test}{accuracy}",
    ),
    "cli.train.line_accuracy": (" test_accuracy {test}", " exactitude_test {test}"),
    "cli.train.bar": (
        "step {done}/{steps} [{bar}] {percent}% loss {loss} test {test}{accuracy}",
        "pas {done}/{steps} [{bar}] {percent} % perte {loss} test {test}{accuracy}",
    ),
    "cli.train.bar_accuracy": (" acc {test}%", " exactitude {test} %"),
    "cli.train.data_note": ("nntui: note: {note}", "nntui : note : {note}"),
    "cli.train.afresh": (
        "nntui: note: {reason}: the optimiser starts afresh (its memory, and the batches in their order from the seed)",
        "nntui : remarque : {reason} : l'optimiseur repart de zéro (sa mémoire, et les lots dans leur ordre depuis "
        "la graine)",
    ),
    "cli.train.afresh_no_state": (
        "{file} holds no optimiser state (written by an older nntui, or saved after a change by hand)",
        "{file} ne contient pas d'état d'optimiseur (écrit par un nntui plus ancien, ou enregistré après un "
        "changement à la main)",
    ),
    "cli.train.afresh_settings": (
        "the options change the file's training settings",
        "les options changent les réglages d'entraînement du fichier",
    ),
    "cli.train.diverged": (
        "training diverged at step {step}: the numbers overflowed to infinity or NaN; "
        "lower the learning rate ({output} was not written)",
        "l'entraînement a divergé au pas {step} : les nombres ont débordé vers l'infini ou NaN ; "
        "baissez le taux d'apprentissage ({output} n'a pas été écrit)",
    ),
    "cli.train.interrupted": (
        "interrupted at step {step} of {steps} ({output} was not written)",
        "interrompu au pas {step} sur {steps} ({output} n'a pas été écrit)",
    ),
    "cli.train.cannot_write": (
        "{output}: cannot be written ({reason})",
        "{output} : ne peut pas être écrit ({reason})",
    ),
    "cli.train.summary": (
        "trained {steps}: loss {loss} test {test}{accuracy}; saved {output}",
        "{steps} d'entraînement : perte {loss} test {test}{accuracy} ; enregistré dans {output}",
    ),
    "cli.train.summary_accuracy": (
        " accuracy {train} test_accuracy {test}",
        " exactitude {train} exactitude_test {test}",
    ),
    "cli.count.step.one": ("{count} step", "{count} pas"),
    "cli.count.step.other": ("{count} steps", "{count} pas"),
    # --- nntui serve ------------------------------------------------------------------------
    "cli.serve.description": (
        "Serve the playground to a web browser with textual-serve: every browser tab "
        "runs its own playground, opened on FILE or --preset NAME, and its unsaved work "
        "stays its own; at most --max-sessions at once. Ctrl-C stops the server and "
        "every playground.",
        "Servir le terrain de jeu à un navigateur web avec textual-serve : chaque onglet "
        "a son propre terrain de jeu, ouvert sur FICHIER ou --preset NOM, et son travail "
        "non enregistré reste le sien ; au plus --max-sessions à la fois. Ctrl-C arrête "
        "le serveur et tous les terrains de jeu.",
    ),
    "cli.serve.full_title": ("nntui: this server is full", "nntui : ce serveur est complet"),
    "cli.serve.full": (
        "This server is full: it runs {playgrounds} at most, and none is free. Try again in a few minutes.",
        "Ce serveur est complet : il fait tourner {playgrounds} au plus, et aucun n'est "
        "libre. Réessayez dans quelques minutes.",
    ),
    "cli.count.playground.one": ("{count} playground", "{count} terrain de jeu"),
    "cli.count.playground.other": ("{count} playgrounds", "{count} terrains de jeu"),
    "cli.serve.host_empty": ("the --host address is empty", "l'adresse de --host est vide"),
    "cli.serve.bad_host": ('--host "{host}": {reason}', '--host "{host}" : {reason}'),
    "cli.serve.every_address": (
        '--host "{host}" listens on every address, but the page connects back to the '
        "address given; give one of this computer's addresses, e.g. --host 192.168.1.5",
        '--host "{host}" écoute sur toutes les adresses, mais la page se reconnecte à '
        "l'adresse donnée ; donnez une des adresses de cet ordinateur, par ex. --host 192.168.1.5",
    ),
    "cli.serve.port_in_use": (
        "port {port} is already in use on {host}; choose another with --port N",
        "le port {port} est déjà utilisé sur {host} ; choisissez-en un autre avec --port N",
    ),
    "cli.serve.cannot_listen": (
        "cannot listen on {host} port {port}: {reason}",
        "impossible d'écouter sur {host} port {port} : {reason}",
    ),
    "cli.serve.warning": (
        "nntui: warning: serving on {host}, not only to this computer: anyone who can "
        "reach it can use the playground, and open and save files as you",
        "nntui : attention : le terrain de jeu est servi sur {host}, pas seulement à cet "
        "ordinateur : quiconque peut joindre cette adresse peut l'utiliser, et ouvrir et "
        "enregistrer des fichiers en votre nom",
    ),
    "cli.serve.needs_textual_serve": (
        "nntui serve needs textual-serve: pip install textual-serve",
        "nntui serve a besoin de textual-serve : pip install textual-serve",
    ),
    "cli.serve.open": (
        "Open {url} in a web browser; press Ctrl-C to stop.",
        "Ouvrez {url} dans un navigateur web ; Ctrl-C pour arrêter.",
    ),
}
