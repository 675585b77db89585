"""Messages of the metrics (confusion matrix, R², squared error) and of the stop rule: key → (English, French)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # nntui/app/widgets/metrics_panel.py
    "app.metrics.title": ("metrics", "métriques"),
    "app.metrics.confusion": ("confusion matrix", "matrice de confusion"),
    "app.metrics.rows": ("rows: target · →: answer", "lignes : cible · → : réponse"),
    "app.metrics.train": ("train", "entraîn."),
    "app.metrics.test": ("test", "test"),
    "app.metrics.r2": ("R²", "R²"),
    "app.metrics.many_classes": (
        "{count} classes, more than a matrix shows ({most}). The test's most frequent wrong answers:",
        "{count} classes, plus qu'une matrice n'en montre ({most}). Les erreurs les plus fréquentes du test :",
    ),
    "app.metrics.none_wrong": ("none: every answer is right", "aucune : toutes les réponses sont justes"),
    "app.metrics.not_finite": (
        "— : too large to compute (the outputs overflow)",
        "— : trop grand pour être calculé (les sorties débordent)",
    ),
    "app.metrics.r2_undefined": (  # R² divides by the targets' spread: 0, or too small for a float
        "R² — : the targets (almost) do not vary",
        "R² — : les cibles ne varient (presque) pas",
    ),
    "app.metrics.mse": ("MSE", "EQM"),
    "app.metrics.r2_line": ("R² {train} · test {test}", "R² {train} · test {test}"),  # the panel's status
    # The training view of pictures (nntui/app/controllers/image_results.py): its matrix's box is
    # 35 cells wide at 80 columns (titles 31 at most), the images' 22 (lines of 18 cells).
    "app.images.confusion": ("confusion matrix", "matrice de confusion"),
    "app.images.axes": ("↓ digit · → read as", "↓ chiffre · → lu comme"),
    "app.images.accuracy": ("{name} {accuracy} right", "{name} {accuracy} justes"),
    "app.images.to_mistakes": ("] the images read wrong", "] les images mal lues"),
    "app.images.mistakes": ("read wrong", "mal lues"),
    "app.images.read_as": ("{label} read as {answer}", "{label} lu comme {answer}"),
    "app.images.place": ("image {position} of {total}", "image {position} sur {total}"),
    "app.images.keys_page": ("[ ] other image", "[ ] autre image"),
    "app.images.keys_load": ("i into the input", "i dans l’entrée"),
    "app.images.not_yet": (
        "The test images it reads wrong show here once measured.",
        "Les images de test qu’il lit mal s’affichent ici une fois mesurées.",
    ),
    "app.images.none_wrong": ("No test image is read wrong.", "Aucune image de test n’est mal lue."),
    "app.images.loaded": ("test image {number} (a {label}) as input", "image de test {number} (un {label}) en entrée"),
    "app.images.nothing_to_load": (
        "No test image read wrong is shown: there is none to put into the input layer.",
        "Aucune image de test mal lue n’est affichée : il n’y en a pas à mettre dans la couche d’entrée.",
    ),
    "app.images.not_this_picture": (
        "This network's inputs are not a picture of the data's size: x builds one that reads it.",
        "Les entrées de ce réseau ne sont pas une image à la taille des données : x en construit un qui la lit.",
    ),
    # the stop rule: the training panel's list (labels fit 13 cells) and the status when it stops
    "app.training.stop_after": ("stop if flat", "arrêt si plat"),
    "app.training.stop_never": ("never", "jamais"),
    "app.training.stop_steps": ("{steps} steps", "{steps} pas"),
    "app.train.stopped": ("■ stopped", "■ arrêté"),
    "app.train.stopped_early": (
        "No better test loss in {patience} steps: best {loss} at step {best}.",
        "Pas de meilleure perte de test en {patience} pas : meilleure {loss} au pas {best}.",
    ),
    # nntui train --stop-after
    "cli.help.stop_after": (
        "stop when the test loss has not improved for N steps; 0: never (default: the file's, else 0)",
        "arrêter quand la perte de test ne s'est pas améliorée en N pas ; 0 : jamais (par défaut : celui du "
        "fichier, sinon 0)",
    ),
    "cli.train.stopped_early": (
        "stopped at step {step}: the test loss has not improved for {patience} steps (best {loss} at step {best})",
        "arrêt au pas {step} : la perte de test ne s'est pas améliorée en {patience} pas (meilleure {loss} au "
        "pas {best})",
    ),
}
