"""Messages of a softmax read as an answer (the outputs panel's probabilities, the inspector's
e^z / Σ e^z): key → (English, French)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # nntui/app/widgets/outputs.py: the title, and under the rows the answer
    "app.outputs.probabilities": ("Outputs ({count}): probabilities", "Sorties ({count}) : probabilités"),
    # Without the percentage (in the row): the border, drawn again with the whole panel, changes
    # only when the answer does.
    "app.outputs.answer": ("answer: {name}", "réponse : {name}"),
    "app.outputs.tie": ("tie between {count}", "égalité entre {count}"),
    "app.outputs.not_finite": ("— : not finite (overflow)", "— : non finies (dépassement)"),
    # nntui/app/widgets/inspector.py: the incoming connections shown, where the long form does not fit
    "app.inspector.window_short": ("{first}–{last} of {count}", "{first}–{last} sur {count}"),
    # nntui/app/widgets/inspector.py: a neuron of a softmax layer, its y written out
    "app.inspector.softmax.largest": ("m = the largest z", "m = le plus grand z"),
    "app.inspector.softmax.total": ("{sum} over the {count} neurons", "{sum} sur les {count} neurones"),
    # Beside the numbers when the panel has room (40 cells at 120 columns, none at 80): short.
    "app.inspector.softmax.shift_words": (
        "all z − m: same y, no overflow",
        "z − m : même y, sans dépassement",
    ),
    "app.inspector.softmax.exp_words": (
        "e ≈ 2.718 to the power {power}, above 0",
        "e ≈ 2,718 puissance {power}, positif",
    ),
    "app.inspector.softmax.total_words": (
        "change one z: every y changes",
        "un z change : tous les y changent",
    ),
    "app.inspector.softmax.y_words": (
        "{percent} of the total: the y sum to 1",
        "{percent} du total : les y font 1 ensemble",
    ),
    "app.inspector.softmax.not_finite": (
        "— : a z is not finite (overflow)",
        "— : un z n'est pas fini (dépassement)",
    ),
}
