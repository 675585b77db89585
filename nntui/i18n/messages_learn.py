"""Messages of the learning tools (truth table, backward pass, loss slice, challenges): key → (English, French)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # keys
    "app.key.truth": ("Truth table", "Table de vérité"),
    "app.key.truth.help": (
        "show or hide the truth table of the inputs, low or high",
        "afficher ou masquer la table de vérité des entrées",
    ),
    "app.key.challenge": ("Challenges", "Défis"),
    "app.key.challenge.help": (
        "choose a challenge: a goal to reach by hand, checked live",
        "choisir un défi : un but à atteindre à la main",
    ),
    "app.key.backward": ("Backward pass", "Rétropropagation"),
    "app.key.backward.help": (
        "show or hide the backward pass: loss, δ, gradients δ·a",
        "afficher ou masquer la rétropropagation : perte, δ, δ·a",
    ),
    "app.key.gradient_step": ("Gradient step", "Pas de gradient"),
    "app.key.gradient_step.help": (
        "one gradient step: every weight moves by −η·g (one undo)",
        "un pas de gradient : chaque poids bouge de −η·g",
    ),
    "app.key.target": ("Target", "Cible"),
    "app.key.target.help": (
        "type the target of the selected output (backward pass)",
        "saisir la cible de la sortie sélectionnée",
    ),
    "app.key.slice": ("Loss slice", "Coupe de la perte"),
    "app.key.slice.help": (
        "show or hide the loss against the selected weight",
        "afficher ou masquer la perte selon le poids sélectionné",
    ),
    # truth table
    "app.truth.title": ("Truth table", "Table de vérité"),
    # the row under the network, when an open panel steps aside for want of room
    "app.panels.folded": ("{panels}: no room beside the others", "{panels} : pas la place à côté des autres"),
    "app.panels.truth": ("truth table (T)", "table de vérité (T)"),
    "app.panels.backward": ("backward pass (b)", "rétropropagation (b)"),
    "app.panels.slice": ("loss slice (L)", "coupe de la perte (L)"),
    "app.truth.target": ("target", "cible"),
    "app.truth.range_title": (
        "Low and high input values of the truth table",
        "Valeurs basse et haute des entrées de la table",
    ),
    "app.truth.range_hint": (
        "two numbers, the low one first: 0 1, or -1 1",
        "deux nombres, le bas d'abord : 0 1, ou -1 1",
    ),
    "app.truth.range_two_numbers": (
        "type two numbers: the low value, then the high one",
        "tapez deux nombres : la valeur basse, puis la haute",
    ),
    "app.truth.range_order": ("the low value must be below the high one", "la valeur basse doit être sous la haute"),
    "app.truth.row_edit": ("inputs of the truth table's row {row}", "entrées de la ligne {row} de la table"),
    "app.key.truth_range": ("Low/high", "Bas/haut"),
    "app.key.truth_range.help": (
        "the truth table's low and high input values (0 and 1)",
        "les valeurs basse et haute de la table (0 et 1)",
    ),
    "app.truth.range_of_challenge": (
        "The challenge is judged on inputs 0 and 1: its truth table keeps them. "
        "Another network (ctrl+o, or a preset from ctrl+p) leaves the challenge; then v chooses other values.",
        "Le défi est jugé sur les entrées 0 et 1 : sa table de vérité les garde. "
        "Un autre réseau (ctrl+o, ou un exemple par ctrl+p) quitte le défi ; v choisit alors d'autres valeurs.",
    ),
    "app.truth.score": ("{right}/{rows} right", "{right}/{rows} justes"),
    # backward pass
    "app.backward.title": ("Backward pass · {name}", "Rétropropagation · {name}"),
    "app.backward.loss": ("loss ({loss})", "perte ({loss})"),
    "app.backward.target": ("target", "cible"),
    "app.backward.before_step": ("(the gradients the step used)", "(les gradients du pas)"),
    "app.backward.input": ("an input's gradient", "gradient d'une entrée"),
    "app.backward.input_note": (
        "Select a neuron to see its δ and the gradients of its weights.",
        "Sélectionnez un neurone pour voir son δ et les gradients de ses poids.",
    ),
    "app.backward.target_from_challenge": (
        "The challenge sets the targets: they are in the truth table.",
        "Le défi fixe les cibles : elles sont dans la table de vérité.",
    ),
    "app.backward.target_of": ("target of {name}", "cible de {name}"),
    "app.backward.step_edit": ("gradient step (η = {rate})", "pas de gradient (η = {rate})"),
    "app.backward.stepped": (
        "One gradient step: {count} numbers moved by −η·g (η = {rate}). u undoes it.",
        "Un pas de gradient : {count} nombres ont bougé de −η·g (η = {rate}). u l'annule.",
    ),
    "app.loss_name.mse": ("squared error", "erreur quadratique"),
    "app.loss_name.binary_cross_entropy": ("cross-entropy", "entropie croisée"),
    "app.loss_name.cross_entropy": ("cross-entropy", "entropie croisée"),
    # loss slice
    # The panel's title: what is selected is in the status line, whole.
    "app.slice.title.weight": ("Loss against this weight", "Perte selon ce poids"),
    "app.slice.title.bias": ("Loss against this bias", "Perte selon ce biais"),
    "app.slice.title.input": ("Loss slice", "Coupe de la perte"),  # an input selected: it asks for a weight
    "app.slice.here": (
        "now {value}: L = {loss}, slope ∂L/∂w = {slope}",
        "ici {value} : L = {loss}, pente ∂L/∂w = {slope}",
    ),
    "app.slice.pick_a_weight": (
        "Select a weight or a bias to see the loss change with it.",
        "Sélectionnez un poids ou un biais pour voir la perte varier avec lui.",
    ),
    # challenges
    "app.challenge.choose_title": ("Challenges", "Défis"),
    "app.challenge.choose_keys": (
        "↑↓ choose · Enter open · Escape cancel",
        "↑↓ choisir · Entrée ouvrir · Échap annuler",
    ),
    "app.challenge.solved_mark": ("solved", "réussi"),
    "app.challenge.before": ("opening a challenge", "d'ouvrir un défi"),
    "app.challenge.solved": ("{title}: solved!", "{title} : réussi !"),
    "app.challenge.solved_title": ("Challenge", "Défi"),
    "app.challenge.bar": ("Challenge {number}/{count} · {title} — {goal}", "Défi {number}/{count} · {title} — {goal}"),
    "app.challenge.state": ("Now: {state}", "Pour l'instant : {state}"),
    "app.challenge.hint": ("Hint: {hint}", "Indice : {hint}"),
}
