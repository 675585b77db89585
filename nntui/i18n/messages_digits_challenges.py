"""Messages of the challenges on the handwritten digits (nntui/core/challenges/digits.py): titles,
goals, hints and verdicts, key → (English, French)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- 11. training: teach it to read --------------------------------------------------------
    "core.challenge.digits_teach.title": ("Teach it to read", "Apprenez-lui à lire"),
    "core.challenge.digits_teach.goal": (
        "Train it (ctrl+t, then space) until it reads at least 90% of the test images right: the "
        "half of the digits (seed 0) it never trains on.",
        "Entraînez-le (ctrl+t, puis espace) jusqu'à ce qu'il lise bien au moins 90 % des images de "
        "test : la moitié des chiffres (graine 0) qu'il ne voit pas à l'entraînement.",
    ),
    "core.challenge.digits_teach.hint": (
        "Press ctrl+t, then space, and watch the bar above: the default settings (adam, learning "
        "rate 0.03) pass 90% within a few hundred steps. If the accuracy stays low, bring the "
        "learning rate back to 0.03. Then leave the training view and draw a digit of your own.",
        "Appuyez sur ctrl+t, puis sur espace, et regardez la barre au-dessus : les réglages par "
        "défaut (adam, taux d'apprentissage 0,03) passent 90 % en quelques centaines de pas. Si "
        "la précision reste basse, ramenez le taux d'apprentissage à 0,03. Quittez ensuite la vue "
        "d'entraînement et dessinez un chiffre à vous.",
    ),
    "core.challenge.verdict.digits_teach": (
        "{accuracy}% of the test images right ({goal}% wanted)",
        "{accuracy} % des images de test justes ({goal} % voulus)",
    ),
    # --- 12. fool it by one pixel --------------------------------------------------------------
    "core.challenge.digits_one_pixel.title": ("Fool it by one pixel", "Trompez-le d'un pixel"),
    "core.challenge.digits_one_pixel.goal": (
        "It reads this picture as a 7. Change one pixel, only one (its ink no longer the start's), "
        "so that it reads another digit; the weights stay as trained.",
        "Il lit cette image comme un 7. Changez un pixel, un seul (son encre n'est plus celle du "
        "départ), pour qu'il lise un autre chiffre ; les poids restent tels qu'appris.",
    ),
    "core.challenge.digits_one_pixel.hint": (
        "The edge columns of the picture are blank in nearly every image the network trained on: "
        "it never learned what ink there should mean. Fill one of them (space twice) and watch "
        "the outputs; u takes it back if the 7 holds.",
        "Les colonnes du bord de l'image sont vides dans presque toutes les images sur lesquelles "
        "le réseau s'est entraîné : il n'a jamais appris ce que de l'encre y voudrait dire. "
        "Remplissez-en une (espace deux fois) et regardez les sorties ; u la reprend si le 7 "
        "tient.",
    ),
    "core.challenge.verdict.weights_kept": (
        "the weights must stay as trained: undo (u) the changes to them",
        "les poids doivent rester tels qu'appris : annulez (u) leurs changements",
    ),
    "core.challenge.verdict.no_reading": (
        "the network gives no answer: its outputs are not numbers",
        "le réseau ne donne pas de réponse : ses sorties ne sont pas des nombres",
    ),
    "core.challenge.verdict.fool_unchanged": (
        "it reads {digit} ({share}% sure): change one pixel",
        "il lit {digit} (sûr à {share} %) : changez un pixel",
    ),
    "core.challenge.verdict.fool_too_many": (
        "{count} pixels changed, and only one may be: undo (u) back to one",
        "{count} pixels changés, et un seul peut l'être : annulez (u) jusqu'à un seul",
    ),
    "core.challenge.verdict.fool_still": (
        "{pixel} changed, and it still reads {digit} ({share}% sure)",
        "{pixel} changé, et il lit encore {digit} (sûr à {share} %)",
    ),
    "core.challenge.verdict.fooled": (
        "{pixel} changed, and now it reads {digit} ({share}% sure)",
        "{pixel} changé, et il lit maintenant {digit} (sûr à {share} %)",
    ),
}
