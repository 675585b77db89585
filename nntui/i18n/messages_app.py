"""Messages of nntui's app part: key → (English, French).

Every word the playground shows.  Keys are ``app.<area>.<name>``; binding
descriptions and tooltips are ``app.key.<name>`` and ``app.key.<name>.help``.
Keys built at run time share a prefix listed in ``tests/app/test_french.py``
(the activations' notes: ``app.activation.note.<activation name>``).

French: the words of the course nntui grew from (couche d'entrée, couches
cachées, poids, biais, fonction d'activation, pas, perte, taux d'apprentissage…);
footer words stay short.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the playground (app.py) ---------------------------------------------------
    "app.too_small": (
        "The window is too small ({width}×{height}).\n"
        "nntui needs at least {min_width}×{min_height}: make the window larger.\n\n"
        "Your work is safe. q quits, ? shows the help.",
        "La fenêtre est trop petite ({width}×{height}).\n"
        "nntui a besoin d'au moins {min_width}×{min_height} : agrandissez la fenêtre.\n\n"
        "Votre travail ne risque rien. q quitte, ? affiche l'aide.",
    ),
    "app.document.preset": ("preset {name}", "exemple {name}"),
    "app.document.unsaved": ("not saved yet", "pas encore enregistré"),
    "app.document.modified": ("● modified", "● modifié"),
    "app.status.step": ("step {step} (* / to change)", "pas {step} (* / pour le changer)"),
    "app.status.step_short": ("step {step}", "pas {step}"),  # where the line has no room for the hint
    "app.status.overflow_short": ("⚠ overflow", "⚠ dépassement"),
    "app.status.overflow": (
        "⚠ overflow: some values are not finite; use smaller weights",
        "⚠ dépassement : des valeurs ne sont pas finies ; prenez des poids plus petits",
    ),
    "app.edit.would_overflow": (
        "That value would overflow; it was not changed.",
        "Cette valeur provoquerait un dépassement ; elle n'a pas été modifiée.",
    ),
    "app.edit.input_has_no_activation": (
        "Input neurons have no activation: they pass on the value you set. Select a hidden or output neuron.",
        "Les neurones d'entrée n'ont pas de fonction d'activation : ils transmettent la "
        "valeur que vous choisissez. Sélectionnez un neurone caché ou de sortie.",
    ),
    "app.edit.no_activation_title": ("No activation here", "Pas de fonction d'activation ici"),
    "app.edit.nothing_to_undo": ("Nothing to undo.", "Rien à annuler."),
    "app.edit.nothing_to_redo": ("Nothing to redo.", "Rien à rétablir."),
    "app.edit.undid": ("Undid: {what}", "Annulé : {what}"),
    "app.edit.redid": ("Redid: {what}", "Rétabli : {what}"),
    # --- key bindings: footer words (short), and the help's longer tooltips -----------
    "app.key.change": ("Change", "Modifier"),
    "app.key.change.help": ("add the step to the selected value", "ajouter le pas à la valeur sélectionnée"),
    "app.key.minus": ("Minus step", "Moins le pas"),
    "app.key.minus.help": ("subtract the step from the selected value", "retirer le pas de la valeur sélectionnée"),
    "app.key.type": ("Type", "Saisir"),
    "app.key.type.help": ("type the exact selected value", "taper la valeur exacte de la sélection"),
    "app.key.activation": ("f(z)", "f(z)"),
    "app.key.activation.help": (
        "next activation function for the selected neuron's layer",
        "fonction d'activation suivante pour la couche du neurone sélectionné",
    ),
    "app.key.help": ("Help", "Aide"),
    "app.key.help.help": ("this help", "cette aide"),
    "app.key.undo": ("Undo", "Annuler"),
    "app.key.undo.help": ("undo the last change", "annuler la dernière modification"),
    "app.key.redo": ("Redo", "Rétablir"),
    "app.key.redo.help": ("redo what was undone", "rétablir ce qui a été annulé"),
    "app.key.save": ("Save", "Enreg."),  # the footer: "Enregistrer" does not fit
    "app.key.save.help": (
        "save to the opened file (asks for a file name the first time)",
        "enregistrer dans le fichier ouvert (demande un nom de fichier la première fois)",
    ),
    "app.key.quit": ("Quit", "Quitter"),
    "app.key.quit.help": (
        "quit (asks first when there are unsaved changes)",
        "quitter (demande d'abord s'il y a des modifications non enregistrées)",
    ),
    "app.key.add": ("Add", "Ajouter"),
    "app.key.add.help": (
        "add a neuron (or an input) below the selected one",
        "ajouter un neurone (ou une entrée) sous celui qui est sélectionné",
    ),
    "app.key.remove": ("Remove", "Supprimer"),
    "app.key.remove.help": ("remove the selected neuron or input", "supprimer le neurone ou l'entrée sélectionnés"),
    "app.key.add_layer": ("Add layer", "Ajouter une couche"),
    "app.key.add_layer.help": (
        "insert a hidden layer after the selected layer",
        "insérer une couche cachée après la couche sélectionnée",
    ),
    "app.key.remove_layer": ("Remove layer", "Supprimer la couche"),
    "app.key.remove_layer.help": ("remove the selected hidden layer", "supprimer la couche cachée sélectionnée"),
    "app.key.rename": ("Rename", "Renommer"),
    "app.key.clear_picture": ("Clear", "Effacer"),
    "app.key.clear_picture.help": ("on a picture: take all its ink away", "sur une image : effacer toute l’encre"),
    "app.key.ink": ("Ink", "Encre"),
    "app.key.ink.help": (
        "on a picture: ink on the pixel under the cursor",
        "sur une image : de l’encre sur le pixel du curseur",
    ),
    "app.key.erase": ("Erase", "Gommer"),
    "app.key.erase.help": (
        "on a picture: take ink off the pixel under the cursor",
        "sur une image : ôter l’encre du pixel du curseur",
    ),
    "app.key.digit": ("Digit", "Chiffre"),
    "app.key.digit.help": (
        "an 8×8 picture: a handwritten digit from the test data",
        "image de 8×8 : un chiffre manuscrit des données de test",
    ),
    "app.key.rename.help": ("rename the selected neuron or input", "renommer le neurone ou l'entrée sélectionnés"),
    "app.key.rename_layer": ("Rename layer", "Renommer la couche"),
    "app.key.rename_layer.help": ("rename the selected layer", "renommer la couche sélectionnée"),
    "app.key.randomize_neuron": ("Randomise neuron", "Neurone au hasard"),
    "app.key.randomize_neuron.help": (
        "new small random weights into the selected neuron (bias 0)",
        "nouveaux petits poids au hasard pour le neurone sélectionné (biais à 0)",
    ),
    "app.key.randomize_layer": ("Randomise layer", "Couche au hasard"),
    "app.key.randomize_layer.help": (
        "new small random weights into the whole selected layer",
        "nouveaux petits poids au hasard pour toute la couche sélectionnée",
    ),
    "app.key.zero_neuron": ("Zero neuron", "Neurone à zéro"),
    "app.key.zero_neuron.help": (
        "set the selected neuron's weights and bias to 0",
        "mettre à 0 les poids et le biais du neurone sélectionné",
    ),
    "app.key.zero_layer": ("Zero layer", "Couche à zéro"),
    "app.key.zero_layer.help": (
        "set the whole selected layer's weights and biases to 0",
        "mettre à 0 les poids et les biais de toute la couche sélectionnée",
    ),
    "app.key.choose_activation": ("Choose f(z)", "Choisir f(z)"),
    "app.key.choose_activation.help": (
        "choose the layer's activation from a list, with plots",
        "choisir la fonction d'activation de la couche dans une liste, avec ses courbes",
    ),
    "app.key.open": ("Open", "Ouvrir"),
    "app.key.open.help": ("open a network file", "ouvrir un fichier de réseau"),
    "app.key.save_as": ("Save as", "Enregistrer sous"),
    "app.key.save_as.help": ("save to a new file", "enregistrer dans un nouveau fichier"),
    "app.key.export": ("Export", "Exporter"),
    "app.key.export.help": (
        "export as NumPy .npz or as a PyTorch script (.py)",
        "exporter en NumPy .npz ou en script PyTorch (.py)",
    ),
    # keys of the network view (widgets/network_canvas.py)
    "app.key.prev_layer": ("Prev layer", "Couche précédente"),
    "app.key.prev_layer.help": (
        "previous layer (keeps the row when it can)",
        "couche précédente (garde la même ligne si possible)",
    ),
    "app.key.next_layer": ("Next layer", "Couche suivante"),
    "app.key.next_layer.help": (
        "next layer (keeps the row when it can)",
        "couche suivante (garde la même ligne si possible)",
    ),
    "app.key.prev_neuron": ("Prev neuron", "Neurone précédent"),
    "app.key.prev_neuron.help": ("previous neuron in the layer", "neurone précédent de la couche"),
    "app.key.next_neuron": ("Next neuron", "Neurone suivant"),
    "app.key.next_neuron.help": ("next neuron in the layer", "neurone suivant de la couche"),
    "app.key.up_10": ("Up 10", "10 plus haut"),
    "app.key.up_10.help": ("ten neurons up", "dix neurones plus haut"),
    "app.key.down_10": ("Down 10", "10 plus bas"),
    "app.key.down_10.help": ("ten neurons down", "dix neurones plus bas"),
    "app.key.next_weight": ("Weight", "Poids"),
    "app.key.next_weight.help": (
        "next incoming weight of the neuron, then its bias (wraps)",
        "poids entrant suivant du neurone, puis son biais (en boucle)",
    ),
    "app.key.prev_weight": ("Prev weight", "Poids précédent"),
    "app.key.prev_weight.help": (
        "previous incoming weight, or the bias (wraps)",
        "poids entrant précédent, ou le biais (en boucle)",
    ),
    # The training view of pictures: [ and ] page through the test images read wrong.
    "app.key.next_mistake": ("Wrong images", "Images ratées"),
    "app.key.next_mistake.help": (
        "training view of pictures: the next test image read wrong",
        "vue d'entraînement d'images : l'image de test mal lue suivante",
    ),
    "app.key.prev_mistake": ("Prev image", "Image précédente"),
    "app.key.prev_mistake.help": (
        "training view of pictures: the previous test image read wrong",
        "vue d'entraînement d'images : l'image de test mal lue précédente",
    ),
    "app.key.load_mistake": ("Into input", "En entrée"),
    "app.key.load_mistake.help": (
        "training view of pictures: the image read wrong shown, as input",
        "vue d'entraînement d'images : l'image mal lue affichée, en entrée",
    ),
    "app.key.step_up": ("Step ×10", "Pas ×10"),
    "app.key.step_up.help": (
        "make the step 10 times larger (up to 100)",
        "rendre le pas 10 fois plus grand (jusqu'à 100)",
    ),
    "app.key.step_down": ("Step ÷10", "Pas ÷10"),
    "app.key.step_down.help": (
        "make the step 10 times smaller (down to 0.001)",
        "rendre le pas 10 fois plus petit (jusqu'à 0,001)",
    ),
    # keys of the training view (training_mode.py, widgets/training_panel.py)
    "app.key.train": ("Train", "Entraîner"),
    "app.key.train.help": ("switch the training view on or off", "ouvrir ou fermer la vue d'entraînement"),
    "app.key.play_pause": ("Play/pause", "Lecture/pause"),
    "app.key.play_pause.help": (
        "training view: train continuously, or pause",
        "vue d'entraînement : entraîner en continu, ou mettre en pause",
    ),
    "app.key.step": ("Step", "Pas"),
    "app.key.step.help": ("training view: one training step", "vue d'entraînement : un pas d'entraînement"),
    "app.key.rate": ("Rate", "Taux"),
    "app.key.rate_up.help": (
        "training view: learning rate one step up its list (, down)",
        "entraînement : taux d'apprentissage un cran plus haut (, plus bas)",
    ),
    "app.key.rate_down": ("Rate down", "Taux −"),
    "app.key.rate_down.help": (
        "training view: learning rate one step down its list",
        "entraînement : taux d'apprentissage un cran plus bas",
    ),
    "app.key.reg_rate": ("Reg.", "Régul."),
    "app.key.reg_up.help": (
        "training view: regularisation rate one step up (< down)",
        "entraînement : taux de régularisation un cran plus haut (< plus bas)",
    ),
    "app.key.reg_down": ("Reg. down", "Régul. −"),
    "app.key.reg_down.help": (
        "training view: regularisation rate one step down",
        "entraînement : taux de régularisation un cran plus bas",
    ),
    "app.train.setting_at_end": (
        "The {setting} stays at {value}: the end of its list.",
        "Le réglage « {setting} » reste à {value} : le bout de sa liste.",
    ),
    "app.key.reset": ("Reset", "Réinit."),
    "app.key.reset.help": (
        "training view: new random weights, step 0",
        "vue d'entraînement : nouveaux poids au hasard, retour au pas 0",
    ),
    "app.key.leave_panel": ("Back to the network", "Retour au réseau"),
    # keys of the dialogs (screens/*.py)
    "app.key.cancel": ("Cancel", "Annuler"),
    "app.key.close_help": ("Close help", "Fermer l'aide"),
    "app.key.discard": ("Discard", "Abandonner"),
    "app.key.discard_recovery": ("Discard", "Supprimer"),
    "app.key.restore": ("Restore", "Restaurer"),
    "app.key.later": ("Later", "Plus tard"),
    # --- the command palette (commands.py, app.py) ------------------------------------
    "app.palette.placeholder": ("Search for commands…", "Rechercher une commande…"),
    "app.palette.themes": ("Search for themes…", "Rechercher un thème…"),
    "app.palette.open_preset": ("Open preset: {name}", "Ouvrir l'exemple : {name}"),
    "app.palette.open_preset.help": (
        "replace the network with the {name} example",
        "remplacer le réseau par l'exemple {name}",
    ),
    # Textual's own commands (app.py: SYSTEM_COMMAND_WORDS)
    "app.system.theme": ("Theme", "Thème"),
    "app.system.theme.help": ("Change the current theme", "Changer le thème actuel"),
    "app.system.quit": ("Quit", "Quitter"),
    "app.system.quit.help": ("Quit the application as soon as possible", "Quitter l'application dès que possible"),
    "app.system.keys": ("Keys", "Touches"),
    "app.system.keys.show": (
        "Show help for the focused widget and a summary of available keys",
        "Afficher l'aide de l'élément actif et un résumé des touches disponibles",
    ),
    "app.system.keys.hide": ("Hide the keys and widget help panel", "Masquer le panneau des touches et de l'aide"),
    "app.system.minimize": ("Minimize", "Réduire"),
    "app.system.minimize.help": (
        "Minimize the widget and restore to normal size",
        "Réduire l'élément et lui rendre sa taille normale",
    ),
    "app.system.maximize": ("Maximize", "Agrandir"),
    "app.system.maximize.help": ("Maximize the focused widget", "Agrandir l'élément actif"),
    "app.system.screenshot": ("Screenshot", "Capture d'écran"),
    "app.system.screenshot.help": (
        "Save an SVG 'screenshot' of the current screen",
        "Enregistrer une « capture » SVG de l'écran actuel",
    ),
    # --- files (files.py) -----------------------------------------------------------
    "app.file.changed_on_disk": (
        "{name} was changed on disk since you opened or saved it here",
        "{name} a été modifié sur le disque depuis que vous l'avez ouvert ou enregistré ici",
    ),
    "app.overwrite.title": ("Changed on disk", "Modifié sur le disque"),
    "app.overwrite.question": (
        "{message}. Overwrite it with this network (the other change is lost), or save this one under another name?",
        "{message}. L'écraser avec ce réseau (l'autre modification est perdue), ou enregistrer "
        "celui-ci sous un autre nom ?",
    ),
    "app.overwrite.overwrite_button": ("Overwrite [u]o[/]", "Écraser [u]o[/]"),
    "app.overwrite.save_as_button": ("Save as… [u]a[/]", "Enregistrer sous… [u]a[/]"),
    "app.key.overwrite": ("Overwrite", "Écraser"),
    "app.recovery.before_restoring": (
        "restoring the other copy in its place (Cancel keeps that copy for later)",
        "de restaurer l'autre copie à sa place (Annuler garde cette copie pour plus tard)",
    ),
    "app.file.no_path": ("no file name given", "aucun nom de fichier donné"),
    "app.file.saved": ("Saved to {path}", "Enregistré dans {path}"),
    "app.file.not_saved": (
        "Could not save to {path}: {reason}. Your changes are still here.",
        "Impossible d'enregistrer dans {path} : {reason}. Vos modifications sont toujours là.",
    ),
    "app.file.not_saved_title": ("Not saved", "Non enregistré"),
    "app.file.opened": ("Opened {what}", "Ouvert : {what}"),
    "app.file.export_title": (
        "Export as NumPy .npz, or PyTorch script .py",
        "Exporter en NumPy .npz, ou en script PyTorch .py",
    ),
    "app.file.exported": ("Exported to {path}", "Exporté vers {path}"),
    "app.file.not_exported": ("Could not export to {path}: {reason}", "Impossible d'exporter vers {path} : {reason}"),
    "app.file.not_exported_title": ("Not exported", "Non exporté"),
    # --- changing the shape (shape_actions.py) ----------------------------------------
    "app.shape.not_possible": ("Not possible", "Impossible"),
    "app.shape.add_input": ("add an input", "ajouter une entrée"),
    "app.shape.add_neuron": ("add a neuron in {layer}", "ajouter un neurone dans {layer}"),
    "app.shape.remove_neuron": ("remove {name}", "supprimer {name}"),
    "app.shape.insert_layer": ("insert a hidden layer after {layer}", "insérer une couche cachée après {layer}"),
    "app.shape.output_stays_last": (
        "The output layer stays last: the new layer went just before it.",
        "La couche de sortie reste la dernière : la nouvelle couche a été placée juste avant.",
    ),
    "app.shape.remove_layer": ("remove the layer {layer}", "supprimer la couche {layer}"),
    "app.shape.weights_redrawn": (
        "The next layer now has different inputs: its weights were drawn afresh (u brings everything back).",
        "La couche suivante a maintenant d'autres entrées : ses poids ont été tirés à "
        "nouveau au hasard (u remet tout comme avant).",
    ),
    "app.shape.layer_removed": ("Layer removed", "Couche supprimée"),
    "app.shape.rename": ("rename {name}", "renommer {name}"),
    "app.shape.rename_input": ("Rename the input {name}", "Renommer l'entrée {name}"),
    "app.shape.rename_neuron": ("Rename the neuron {name}", "Renommer le neurone {name}"),
    "app.shape.rename_layer": ("Rename the layer {layer}", "Renommer la couche {layer}"),
    "app.shape.input_layer_name": (
        "The input layer is always called input; press c to rename an input.",
        "La couche d'entrée ne peut pas être renommée ; appuyez sur c pour renommer une entrée.",
    ),
    "app.shape.randomize": ("new random weights for {target}", "nouveaux poids au hasard pour {target}"),
    "app.shape.zero": ("zero the weights of {target}", "mettre à 0 les poids de {target}"),
    "app.shape.input_has_no_activation": (
        "Input neurons have no activation: select a hidden or output neuron.",
        "Les neurones d'entrée n'ont pas de fonction d'activation : sélectionnez un neurone caché ou de sortie.",
    ),
    # --- the training view (training_mode.py, training_session.py) --------------------
    "app.train.playing": ("▶ training", "▶ entraînement"),
    "app.train.paused": ("❚❚ paused", "❚❚ en pause"),
    "app.train.state": ("{state} · step {steps} · epoch {epoch}", "{state} · pas {steps} · époque {epoch}"),
    "app.train.accuracy": ("accuracy {train} · test {test}", "exactitude {train} · test {test}"),
    "app.train.problem": ("⚠ {problem}: x builds one that fits", "⚠ {problem} : x en crée un adapté"),
    "app.train.cannot_train": (
        "{problem}: press x for a network that fits.",
        "{problem} : appuyez sur x pour un réseau adapté.",
    ),
    "app.train.cannot_train_title": ("Cannot train", "Entraînement impossible"),
    "app.train.new_network": (
        "a new {shape} network for the {data} data",
        "un nouveau réseau {shape} pour les données {data}",
    ),
    "app.train.new_weights": ("new random weights everywhere", "nouveaux poids au hasard partout"),
    "app.train.stretch": ("train {steps} steps", "{steps} pas d'entraînement"),
    "app.train.stopped_title": ("Training stopped", "Entraînement arrêté"),
    # counted nouns (nntui.core.plural.counted): .one, and .other for the rest
    # the panel of settings (widgets/training_panel.py): labels fit 13 cells
    "app.training.data": ("data", "données"),
    "app.training.noise": ("noise", "bruit"),
    "app.training.learning_rate": ("learning rate", "taux d'appr."),
    "app.training.batch_size": ("batch size", "taille de lot"),
    "app.training.optimizer": ("optimiser", "optimiseur"),
    "app.training.regularization": ("regularise", "régulariser"),
    "app.training.regularization_rate": ("reg. rate", "taux de rég."),
    "app.training.no_regularization": ("none", "aucune"),
    # the loss chart (widgets/loss_chart.py)
    "app.loss.empty": (
        "No training yet: space trains, s takes one step.",
        "Pas encore d'entraînement : espace entraîne, s fait un pas.",
    ),
    "app.loss.title": ("loss", "perte"),
    "app.loss.train": ("train {value}", "entraînement {value}"),
    "app.loss.test": ("test {value}", "test {value}"),
    "app.loss.first_step": ("step {step}", "pas {step}"),
    "app.loss.not_finite": (
        "— : too large to compute (the outputs overflow)",
        "— : trop grande pour être calculée (les sorties débordent)",
    ),
    # --- the panels (widgets/inspector.py, outputs.py, network_column.py) ------------------
    "app.inspector.title": ("Inspector · {name} ({layer})", "Inspecteur · {name} ({layer})"),
    "app.inspector.input_neuron": ("Input neuron", "Neurone d'entrée"),
    "app.inspector.input_value": ("value", "valeur"),
    "app.inspector.input_explanation": (
        "An input neuron has no weights and no activation: it passes the value "
        "you set to every neuron of the next layer. Change it with + and - or Enter.",
        "Un neurone d'entrée n'a ni poids ni fonction d'activation : il transmet la valeur "
        "que vous choisissez à chaque neurone de la couche suivante. Changez-la avec + et - "
        "ou Entrée.",
    ),
    "app.inspector.window": ("{first}–{last} of {count}, ] [ move", "{first}–{last} sur {count}, ] [ pour défiler"),
    "app.inspector.from": ("from", "source"),
    "app.inspector.bias": ("bias", "biais"),
    "app.outputs.one": ("Output", "Sortie"),
    "app.outputs.many": ("Outputs ({count})", "Sorties ({count})"),
    "app.layer.values_you_set": ("values you set", "valeurs choisies"),
    # An input layer drawn as a picture (nntui/app/widgets/input_picture.py): at most 21 cells each.
    "app.picture.subtitle": ("a picture to draw", "image à dessiner"),
    "app.picture.size": ("{rows}×{columns} pixels", "{rows}×{columns} pixels"),
    "app.picture.pixel": ("{name} = {value}", "{name} = {value}"),
    "app.picture.keys_draw": ("␣ ink  ⌫ erase", "␣ encre  ⌫ gomme"),
    "app.picture.keys_load": ("c clear  0-9 digit", "c vide  0-9 chiffre"),
    # Beside an input picture, the next layer's weights as pictures (nntui/app/widgets/picture_column.py).
    "app.gallery.title": (" → {layer}: what each looks for", " → {layer} : ce que chacun cherche"),
    "app.gallery.scale": (" blue +, orange −, |w| up to {scale}", " bleu +, orange −, |w| jusqu’à {scale}"),
    # What the history and the notices say of a change of the picture.
    "app.picture.inked": ("ink on {name}", "encre sur {name}"),
    "app.picture.erased": ("ink taken off {name}", "encre ôtée de {name}"),
    "app.picture.cleared": ("picture cleared", "image effacée"),
    "app.picture.loaded": ("a {digit} from the test data", "un {digit} des données de test"),
    "app.picture.stroke": ("a stroke of the mouse", "un trait à la souris"),
    "app.picture.not_digits": (
        "0–9 load a handwritten digit into an 8×8 input picture; this network's inputs are another size.",
        "0–9 chargent un chiffre manuscrit dans une image d’entrée de 8×8 ;"
        " les entrées de ce réseau ont une autre taille.",
    ),
    "app.picture.no_such_digit": (
        "The test data has no {digit}: give it a larger part (the train ratio).",
        "Les données de test n’ont aucun {digit} : donnez-leur une plus grande part (la proportion d’entraînement).",
    ),
    # The gap between two columns: its weights as links, or as a matrix.
    "app.gap.links": ("links, |w| up to {scale}", "liens, |w| jusqu’à {scale}"),
    "app.gap.matrix": ("matrix → {layer}", "matrice → {layer}"),
    "app.gap.matrix_window": ("matrix →{first}–{last}/{total}", "matrice →{first}–{last}/{total}"),
    "app.network.hidden_left.one": ("◀ {count} more layer", "◀ {count} couche de plus"),
    "app.network.hidden_left.other": ("◀ {count} more layers", "◀ {count} couches de plus"),
    "app.network.hidden_right.one": ("{count} more layer ▶", "{count} couche de plus ▶"),
    "app.network.hidden_right.other": ("{count} more layers ▶", "{count} couches de plus ▶"),
    # --- activation chooser (screens/activation_chooser.py) ---------------------
    "app.activation.title": ("Activation of {layer}", "Fonction d'activation de la couche {layer}"),
    "app.activation.keys": (
        "↑↓ choose · Enter apply · Escape cancel",
        "↑↓ choisir · Entrée appliquer · Échap annuler",
    ),
    "app.activation.now": ("(now)", "(actuelle)"),
    "app.activation.z_range": ("z from -4 to 4", "z de -4 à 4"),
    "app.activation.note.linear": (
        "passes the sum on unchanged: layers of linear neurons add up to one linear map",
        "transmet la somme telle quelle : des couches de neurones linéaires ne font, "
        "ensemble, qu'une seule fonction linéaire",
    ),
    "app.activation.note.sigmoid": (
        "squashes any sum into 0…1: a soft yes/no",
        "ramène toute somme entre 0 et 1 : un oui/non nuancé",
    ),
    "app.activation.note.tanh": (
        "squashes into -1…1, centred on 0",
        "ramène entre -1 et 1, centrée sur 0",
    ),
    "app.activation.note.relu": (
        "0 for negative sums, the sum itself otherwise: cheap and popular",
        "0 pour une somme négative, la somme elle-même sinon : simple et très utilisée",
    ),
    "app.activation.note.leaky_relu": (
        "like relu, but negative sums keep a small slope (0.01)",
        "comme relu, mais les sommes négatives gardent une petite pente (0,01)",
    ),
    "app.activation.note.step": (
        "the original perceptron: 1 when the sum reaches 0, else 0",
        "le perceptron d'origine : 1 quand la somme atteint 0, sinon 0",
    ),
    "app.activation.note.softmax": (
        "turns the whole layer into probabilities that add up to 1 (plot: one neuron against a second one at 0)",
        "transforme toute la couche en probabilités dont la somme vaut 1 "
        "(courbe : un neurone face à un second fixé à 0)",
    ),
    # --- help screen (screens/help.py) --------------------------------------------
    "app.help.title": ("nntui help · Escape closes", "Aide de nntui · Échap pour fermer"),
    "app.help.keys": ("Keys", "Touches"),
    "app.help.palette": ("command palette", "palette de commandes"),
    "app.help.mouse_key": ("mouse", "souris"),
    "app.help.mouse": (
        "click a neuron, a link or a weight to select it",
        "cliquer sur un neurone, un lien ou un poids pour le sélectionner",
    ),
    "app.help.explanation": (
        """\
## How a neuron works

Each neuron takes the values of the previous layer, multiplies each value
**xᵢ** by a **weight wᵢ**, adds them up with a **bias b**, and passes the sum
**z = Σ xᵢ·wᵢ + b** through a non-linear **activation function f**:
**y = f(z)**. A large positive weight makes its input push the neuron up, a
negative one pushes it down, a weight near 0 makes the input irrelevant.

## Layers

The **input layer** (left) holds the values you set. Each **hidden layer**
computes new features from the layer before it; the **output layer** (right)
gives the network's answer. Every change recomputes all of them at once.

A **softmax** output layer turns its sums into probabilities that add up to 1:
**y = e^z / Σ e^z** over its neurons. The outputs panel then shows each output
as a percentage and a bar, and marks the largest with ◀: the network's answer.
Select an output to see e^z, their sum and y with their numbers in the inspector.

Between two layers, each weight is a **link**: blue when positive, orange and
dashed when negative, brighter for a larger weight. The selected neuron's
links are bold and the selected weight's value is written on its link. Layers
of more than 16 neurons show their weights as a **matrix** instead: a row per
neuron, a cell per weight, its sign and a block as tall as the weight against
the layer's largest, rounded up to 1, 2 or 5 (so the matrix stays still while
you nudge one weight).

## Training

Press `ctrl+t` for the training view: every neuron shows a small heatmap of
what it computes over the plane of the two inputs, and the panel below shows
the data, the output over the plane (the decision boundary) and the loss.
`space` trains (or pauses), `s` takes one step, `x` draws new weights. Each
step takes a batch of points, measures how wrong the output is (the loss),
and moves every weight a little in the direction that makes it less wrong
(backpropagation). Pause, change a weight by hand, and watch every heatmap
follow; `u` undoes a whole stretch of training. The panel's **input
features** (`Tab` to them, `←` `→` and `Enter`) give the network x1², x1·x2,
sin x1 … of each point as inputs of their own.

On pictures (the handwritten digits) the panel shows instead the **confusion
matrix** of the test images (a row per true digit, a column per answer, the
right answers on the reversed diagonal) with the test accuracy, and the test
images the network **reads wrong**: `]` and `[` page through them there, `i`
(or a click) puts the one shown into the input layer, so you can see why.

## Digits

The *digits* preset (`nntui --preset digits`) reads handwritten digits: its 64
inputs are an **8×8 picture**, drawn as one, and its 10 outputs say how likely
it finds each digit 0 … 9. With the cursor on the picture, the arrows move
from pixel to pixel, `space` adds ink (twice fills a pixel), `backspace` takes
it away, `c` clears the picture and `0` … `9` loads a test image of that
digit; the mouse paints full ink. Each press or stroke is one undo, and the
outputs follow at once. Beside the picture, each first hidden neuron's 64
weights are a picture of their own: blue where ink makes it fire, orange
where ink holds it back. The preset starts untrained: `ctrl+t` and `space`
train it on the digits, then draw one of your own. Two challenges (`g`) are
on it: teach it to read, and fool it by one pixel.

## Things to try

- In *potatoes*, turn the saxophone's weight up and down: how much does the
  output care? Then raise the herb smell's weight.
- Select the output neuron and press `a` to try other activations.
- Press `Enter` to type an exact value, `u` to undo it.
- Open the *xor* preset (`nntui --preset xor`) and work out which hidden
  neuron acts as OR and which as NAND.
- In the training view, choose the spiral data, add neurons (`n`) and a
  layer (`N`) until the network can learn it.
- On the circle, turn x1 and x2 off and x1², x2² on: one neuron is enough.
""",
        """\
## Comment fonctionne un neurone

Chaque neurone reçoit les valeurs de la couche précédente, multiplie chaque
valeur **xᵢ** par un **poids wᵢ**, additionne le tout avec un **biais b**, puis
fait passer la somme **z = Σ xᵢ·wᵢ + b** dans une **fonction d'activation f**
non linéaire : **y = f(z)**. Un grand poids positif fait que son entrée pousse
le neurone vers le haut, un poids négatif le tire vers le bas, un poids proche
de 0 rend l'entrée sans effet.

## Les couches

La **couche d'entrée** (à gauche) contient les valeurs que vous choisissez.
Chaque **couche cachée** calcule de nouvelles caractéristiques à partir de la
couche précédente ; la **couche de sortie** (à droite) donne la réponse du
réseau. Chaque modification les recalcule toutes à la fois.

Une couche de sortie **softmax** transforme ses sommes en probabilités dont le total
vaut 1 : **y = e^z / Σ e^z** sur ses neurones. Le panneau des sorties montre
alors chaque sortie en pourcentage avec une barre, et marque la plus grande
d'un ◀ : la réponse du réseau. Sélectionnez une sortie pour voir e^z, leur somme
et y avec leurs valeurs dans l'inspecteur.

Entre deux couches, chaque poids est un **lien** : bleu s'il est positif,
orange et en tirets s'il est négatif, plus vif pour un poids plus grand. Les
liens du neurone sélectionné sont en gras et la valeur du poids sélectionné
est écrite sur son lien. Les couches de plus de 16 neurones montrent plutôt
leurs poids en **matrice** : une ligne par neurone, une case par poids, avec
son signe et un bloc aussi haut que le poids rapporté au plus grand de la
couche, arrondi à 1, 2 ou 5 (la matrice reste stable quand vous modifiez un
seul poids).

## L'entraînement

`ctrl+t` ouvre la vue d'entraînement : chaque neurone y montre une petite carte
de chaleur de ce qu'il calcule sur le plan des deux entrées, et le panneau du
bas montre les données, la sortie sur ce plan (la frontière de décision) et la
perte. `espace` lance l'entraînement (ou le met en pause), `s` fait un seul pas,
`x` tire de nouveaux poids au hasard. À chaque pas, le réseau prend un lot de
points, mesure à quel point sa sortie se trompe (la perte), et déplace chaque
poids un peu dans la direction qui la rend moins fausse (la rétropropagation).
Mettez en pause, changez un poids à la main, et regardez toutes les cartes de
chaleur suivre ; `u` annule d'un coup toute une période d'entraînement. Les
**caractéristiques d'entrée** du panneau (`Tab` jusqu'à elles, `←` `→` et
`Entrée`) donnent au réseau x1², x1·x2, sin x1 … de chaque point comme entrées.

Sur des images (les chiffres manuscrits), le panneau montre à la place la
**matrice de confusion** des images de test (une ligne par chiffre vrai, une
colonne par réponse, les bonnes réponses sur la diagonale inversée) avec
l'exactitude de test, et les images de test que le réseau **lit mal** : `]`
et `[` les font défiler, `i` (ou un clic) met celle qui est affichée dans la
couche d'entrée, pour voir pourquoi.

## Les chiffres

L'exemple *digits* (`nntui --preset digits`) lit des chiffres manuscrits : ses
64 entrées sont une **image de 8×8**, dessinée comme telle, et ses 10 sorties
disent à quel point il croit voir chaque chiffre de 0 à 9. Le curseur sur
l'image, les flèches vont de pixel en pixel, `espace` ajoute de l'encre (deux
fois remplissent un pixel), `retour arrière` en ôte, `c` efface l'image et
`0` … `9` charge une image de test de ce chiffre ; la souris peint à pleine
encre. Chaque touche ou trait s'annule d'un coup, et les sorties suivent
aussitôt. À côté de l'image, les 64 poids de chaque neurone de la première
couche cachée forment une image à eux : bleue où l'encre le fait réagir,
orange où elle le retient. L'exemple part sans entraînement : `ctrl+t` puis
`espace` l'entraînent sur les chiffres, dessinez ensuite l'un des vôtres. Deux
défis (`g`) portent sur lui : lui apprendre à lire, et le tromper d'un pixel.

## À essayer

- Dans *potatoes*, augmentez puis diminuez le poids du saxophone : la sortie
  y est-elle sensible ? Augmentez ensuite le poids de l'odeur d'herbes.
- Sélectionnez le neurone de sortie et appuyez sur `a` pour essayer d'autres
  fonctions d'activation.
- Appuyez sur `Entrée` pour taper une valeur exacte, sur `u` pour l'annuler.
- Ouvrez l'exemple *xor* (`nntui --preset xor`) et trouvez quel neurone caché
  joue le rôle de OU et lequel celui de NON-ET.
- Dans la vue d'entraînement, choisissez les données *spiral*, ajoutez des
  neurones (`n`) et une couche (`N`) jusqu'à ce que le réseau sache les apprendre.
- Sur le cercle, désactivez x1 et x2 et activez x1², x2² : un seul neurone suffit.
""",
    ),
    # --- prompts (screens/text_prompt.py, value_prompt.py, name_prompt.py) -------
    "app.prompt.keys.apply": ("Enter apply · Escape cancel", "Entrée appliquer · Échap annuler"),
    "app.prompt.keys.rename": ("Enter rename · Escape cancel", "Entrée renommer · Échap annuler"),
    "app.prompt.keys.save": ("Enter save · Escape cancel", "Entrée enregistrer · Échap annuler"),
    "app.prompt.keys.open": ("Enter open · Escape cancel", "Entrée ouvrir · Échap annuler"),
    "app.prompt.value.title": ("Set {what}", "Nouvelle valeur : {what}"),
    "app.prompt.value.current": ("current value: {value}", "valeur actuelle : {value}"),
    "app.prompt.value.error": ("✗ {message}. Nothing was changed.", "✗ {message}. Rien n'a été modifié."),
    # --- file paths (screens/path_prompt.py) -------------------------------------
    "app.path.save_title": ("Save the network as", "Enregistrer le réseau sous"),
    "app.path.open_title": ("Open a network file", "Ouvrir un fichier de réseau"),
    "app.path.in_folder": ("in {folder}", "dans {folder}"),
    "app.path.default_stem": ("network", "reseau"),
    "app.path.empty": (
        "type a file name, for example my-network.json",
        "tapez un nom de fichier, par exemple mon-reseau.json",
    ),
    "app.path.is_folder": (
        "{folder} is a folder: add a file name, for example {folder}/net{suffix}",
        "{folder} est un dossier : ajoutez un nom de fichier, par exemple {folder}/reseau{suffix}",
    ),
    "app.path.no_folder": ("the folder {folder} does not exist", "le dossier {folder} n'existe pas"),
    "app.path.exists": (
        "! {name} exists: press Enter again to replace it",
        "! {name} existe déjà : appuyez de nouveau sur Entrée pour le remplacer",
    ),
    # --- unsaved changes (screens/quit_prompt.py) --------------------------------
    "app.quit.title": ("Unsaved changes", "Modifications non enregistrées"),
    "app.quit.question": (
        "{what} has changes that are not saved. Save them before {before}?",
        "{what} : des modifications ne sont pas enregistrées. Les enregistrer avant {before} ?",
    ),
    "app.quit.network": ('The network "{name}"', "Le réseau « {name} »"),
    "app.quit.before_quitting": ("quitting", "de quitter"),
    "app.quit.before_opening": ("opening another network", "d'ouvrir un autre réseau"),
    "app.quit.save_button": ("Save [u]s[/]", "Enregistrer [u]s[/]"),
    "app.quit.discard_button": ("Discard [u]d[/]", "Abandonner [u]d[/]"),
    "app.quit.cancel_button": ("Cancel [u]Esc[/]", "Annuler [u]Échap[/]"),
    # --- recovery of unsaved work (screens/recovery_offer.py) --------------------
    "app.recovery.title": ("Unsaved work was found", "Du travail non enregistré a été retrouvé"),
    "app.recovery.found": (
        'nntui stopped unexpectedly on {when} with unsaved changes to "{name}" ({shape}, from {source}).',
        "nntui s'est arrêté de façon inattendue le {when}, avec des modifications non "
        "enregistrées de « {name} » ({shape}, origine : {source}).",
    ),
    "app.recovery.question": (
        "Restore it now? Discard deletes it; Later asks again next time.",
        "Le restaurer maintenant ? Supprimer l'efface ; Plus tard le reproposera la prochaine fois.",
    ),
    # counted nouns (nntui.core.plural.counted): .one, and .other for the rest
    "app.recovery.others.one": (
        "({count} older copy will be offered after this one.)",
        "({count} copie plus ancienne sera proposée après celle-ci.)",
    ),
    "app.recovery.others.other": (
        "({count} older copies will be offered after this one.)",
        "({count} copies plus anciennes seront proposées après celle-ci.)",
    ),
    "app.recovery.restore_button": ("Restore [u]r[/]", "Restaurer [u]r[/]"),
    "app.recovery.discard_button": ("Discard [u]d[/]", "Supprimer [u]d[/]"),
    "app.recovery.later_button": ("Later [u]Esc[/]", "Plus tard [u]Échap[/]"),
    # files.py: a copy that Discard could not delete
    "app.recovery.not_discarded": (
        "The recovery copy {file} could not be deleted ({reason}); it stays, and is offered again next time.",
        "La copie de secours {file} n'a pas pu être supprimée ({reason}) ; "
        "elle reste et sera proposée la prochaine fois.",
    ),
    # files.py: copies in the state folder that cannot be read (counted: .one, .other)
    "app.recovery.unreadable_title": ("Recovery copy not offered", "Copie de secours non proposée"),
    "app.recovery.unreadable.one": (
        "A recovery copy cannot be read; it is not offered and is left where it is. {first}",
        "Une copie de secours ne peut pas être lue ; elle n'est pas proposée et reste où elle est. {first}",
    ),
    "app.recovery.unreadable.other": (
        "{count} recovery copies cannot be read; they are not offered and are left where they are. "
        "{first} (and {others} more)",
        "{count} copies de secours ne peuvent pas être lues ; elles ne sont pas proposées et restent où "
        "elles sont. {first} (et {others} de plus)",
    ),
    # files.py: the recovery copy could not be written while the playground runs
    "app.recovery.not_kept_title": ("Unsaved work is not kept", "Le travail non enregistré n'est pas gardé"),
    "app.recovery.not_kept": (
        "Should nntui stop unexpectedly, your changes would be lost: {problem}. "
        "Save them with ctrl+s, or elsewhere with F12 (save as).",
        "Si nntui s'arrêtait de façon inattendue, vos modifications seraient perdues : {problem}. "
        "Enregistrez-les avec ctrl+s, ou ailleurs avec F12 (enregistrer sous).",
    ),
}
