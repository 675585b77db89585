"""Messages of the training view's diagnosis and loss chart: key → (English, French)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # nntui/core/training/diagnosis.py
    "core.diagnosis.output_range": (
        "The {activation} output gives only {low}…{high}, but the targets go from {min} to {max}: "
        "x builds a {fitting} output that reaches them.",
        "La sortie {activation} ne donne que {low}…{high}, mais les cibles vont de {min} à {max} : "
        "x crée une sortie {fitting} qui les atteint.",
    ),
    "core.diagnosis.saturated": (
        "Saturated units: {count} of {total} (|z| > {z} on most samples). Their slope is about 0, "
        "so they hardly learn: x gives fresh small weights.",
        "Unités saturées : {count} sur {total} (|z| > {z} sur la plupart des points). Leur pente "
        "est presque nulle, elles n'apprennent guère : x donne de petits poids neufs.",
    ),
    "core.diagnosis.dead_relu.one": (
        "{count} ReLU unit is dead: 0 on every sample, it no longer learns. A lower learning "
        "rate, or x for fresh weights, helps.",
        "{count} unité ReLU est morte : 0 sur chaque point, elle n'apprend plus. Un taux "
        "d'apprentissage plus bas, ou x pour des poids neufs, aide.",
    ),
    "core.diagnosis.dead_relu.other": (
        "{count} ReLU units are dead: 0 on every sample, they no longer learn. A lower learning "
        "rate, or x for fresh weights, helps.",
        "{count} unités ReLU sont mortes : 0 sur chaque point, elles n'apprennent plus. Un taux "
        "d'apprentissage plus bas, ou x pour des poids neufs, aide.",
    ),
    "core.diagnosis.exploding": (
        "The loss is blowing up: the learning rate is too high. Choose a smaller one.",
        "La perte explose : le taux d'apprentissage est trop élevé. Choisissez-en un plus petit.",
    ),
    "core.diagnosis.flat": (
        "The loss has hardly moved in {steps} steps: training is stuck, or has learned what it "
        "can. Try another learning rate, more neurons, or x.",
        "La perte n'a presque pas bougé en {steps} pas : l'entraînement est bloqué, ou a appris "
        "ce qu'il pouvait. Essayez un autre taux, plus de neurones, ou x.",
    ),
    # nntui/app: the key of the loss chart's scale, the chart, x's new output
    "app.key.log_scale": ("Log scale", "Échelle log"),
    "app.key.log_scale.help": (
        "training view: the loss chart in log or linear scale",
        "vue d'entraînement : la perte en échelle log ou linéaire",
    ),
    "app.loss.log": ("log", "log"),
    "app.train.output_follows": (
        "a {activation} output, for the kind of the data",
        "une sortie {activation}, pour le genre des données",
    ),
    "app.train.data_note_title": ("How the data was read", "Lecture des données"),
    "app.train.output_follows_notice": (
        "The {data} data asks for another output: it is now {activation}, learned with the {loss} loss. u undoes it.",
        "Les données {data} demandent une autre sortie : elle est maintenant {activation}, apprise "
        "avec la perte {loss}. u l'annule.",
    ),
    "app.train.new_output": (
        "new random weights, and a {activation} output that reaches the targets",
        "nouveaux poids au hasard, et une sortie {activation} qui atteint les cibles",
    ),
}
