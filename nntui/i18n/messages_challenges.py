"""Messages of learning by doing in the core: the challenges (titles, goals, hints, why one is
impossible, verdicts), truth tables, the backward pass and the loss slice: key → (English, French).
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- truth.py --------------------------------------------------------------------------
    "core.truth.too_many_inputs": (
        "a truth table is made for {limit} inputs at most: this network has {count}",
        "une table de vérité se fait pour {limit} entrées au plus : ce réseau en a {count}",
    ),
    "core.truth.targets_count": (
        "{count} target values for {outputs} outputs",
        "{count} valeur(s) cible pour {outputs} sortie(s)",
    ),
    "core.truth.not_binary": (
        "input {input} takes more than two values: a truth table has only low and high",
        "l'entrée {input} prend plus de deux valeurs : une table de vérité n'a que bas et haut",
    ),
    "core.truth.needs_binary_target": (
        "each row needs one target, 0 or 1",
        "chaque ligne a besoin d'une cible, 0 ou 1",
    ),
    # --- backward.py ------------------------------------------------------------------------
    "core.backward.input_shape": (
        "expected one sample of {count} input values, got shape {shape}",
        "un exemple de {count} valeur(s) d'entrée était attendu, forme reçue : {shape}",
    ),
    "core.backward.one_target": (
        "expected one target of {count} values, got shape {shape}",
        "une cible de {count} valeur(s) était attendue, forme reçue : {shape}",
    ),
    "core.backward.target_shape": (
        "expected {rows} target row(s) of {outputs} value(s), got shape {shape}",
        "{rows} ligne(s) de cibles de {outputs} valeur(s) attendue(s), forme reçue : {shape}",
    ),
    "core.backward.no_input_gradients": (
        "this backward pass was made without the inputs' gradients",
        "cette rétropropagation a été faite sans les gradients des entrées",
    ),
    # --- loss_slice.py ----------------------------------------------------------------------
    "core.loss_slice.points": (
        "a loss slice needs a whole number of points, 2 or more, not {value}",
        "une coupe de la perte demande un nombre entier de points, 2 ou plus, pas {value}",
    ),
    "core.loss_slice.span": (
        "the span of a loss slice must be a positive number, not {value}",
        "l'étendue d'une coupe de la perte doit être un nombre positif, pas {value}",
    ),
    "core.loss_slice.input_varies": (
        'input "{name}" differs from sample to sample: give one sample to move it',
        "l'entrée \"{name}\" change d'un exemple à l'autre : donnez un seul exemple pour la faire varier",
    ),
    "core.loss_slice.no_such_parameter": (
        "this network has no such number: {ref}",
        "ce réseau n'a pas ce nombre : {ref}",
    ),
    # --- challenges: errors and verdicts -----------------------------------------------------
    "core.challenge.unknown": (
        'unknown challenge "{id}" (valid: {valid})',
        'défi inconnu "{id}" (valides : {valid})',
    ),
    "core.challenge.verdict.rows.one": ("{count} of {total} rows right", "{count} ligne juste sur {total}"),
    "core.challenge.verdict.rows.other": ("{count} of {total} rows right", "{count} lignes justes sur {total}"),
    "core.challenge.verdict.all_rows": ("all {total} rows right", "les {total} lignes sont justes"),
    "core.challenge.verdict.shape": (
        "this challenge is about a {expected} network, and this one is {actual}",
        "ce défi porte sur un réseau {expected}, et celui-ci est {actual}",
    ),
    "core.challenge.verdict.activation": (
        "keep the {activation} activation at the output: it is what this challenge is about",
        "gardez l'activation {activation} en sortie : c'est le sujet de ce défi",
    ),
    "core.challenge.verdict.saxophone_moves": (
        "the saxophone still moves the output by up to {change} (less than 0.05 wanted)",
        "le saxophone fait encore bouger la sortie de {change} au plus (moins de 0,05 voulu)",
    ),
    "core.challenge.verdict.clues": (
        "the saxophone is ignored, but the neuron must still say yes with herbs and peelings, and no with neither",
        "le saxophone est ignoré, mais le neurone doit encore dire oui avec les herbes et les "
        "épluchures, et non sans aucun des deux",
    ),
    "core.challenge.verdict.saxophone_ignored": (
        "the saxophone moves the output by {change} at most, and the clues still count",
        "le saxophone fait bouger la sortie de {change} au plus, et les indices comptent toujours",
    ),
    "core.challenge.verdict.spiral.one": (
        "{accuracy}% of the test points right ({goal}% wanted), {count} hidden neuron (at most {limit})",
        "{accuracy} % des points de test justes ({goal} % voulus), {count} neurone caché (au plus {limit})",
    ),
    "core.challenge.verdict.spiral.other": (
        "{accuracy}% of the test points right ({goal}% wanted), {count} hidden neurons (at most {limit})",
        "{accuracy} % des points de test justes ({goal} % voulus), {count} neurones cachés (au plus {limit})",
    ),
    # --- challenges: the outputs of the start networks (neuron names, 40 characters at most) ---
    "core.challenge.output.and": ("a AND b", "a ET b"),
    "core.challenge.output.or": ("a OR b", "a OU b"),
    "core.challenge.output.nand": ("NOT (a AND b)", "NON (a ET b)"),
    "core.challenge.output.xor": ("a XOR b", "a OU exclusif b"),
    "core.challenge.spiral.output": ("first arm", "premier bras"),
    # --- 1. potatoes: ignore the saxophone -----------------------------------------------------
    "core.challenge.potatoes_saxophone.title": ("Ignore the saxophone", "Ignorer le saxophone"),
    "core.challenge.potatoes_saxophone.goal": (
        "Someone taught this neuron that a saxophone in the street means the potatoes are baking. "
        "Make it ignore the saxophone: playing or not, the saxophone may not move the output by "
        "0.05 or more, and the neuron must still say yes with herbs and peelings, and no with neither.",
        "Quelqu'un a appris à ce neurone qu'un saxophone dans la rue veut dire que les pommes de "
        "terre cuisent. Faites-lui ignorer le saxophone : qu'il joue ou non, il ne doit pas faire "
        "bouger la sortie de 0,05 ou plus, et le neurone doit encore dire oui avec les herbes et "
        "les épluchures, et non sans aucun des deux.",
    ),
    "core.challenge.potatoes_saxophone.hint": (
        "An input counts through its weight. What weight makes an input count for nothing?",
        "Une entrée compte à travers son poids. Quel poids fait qu'une entrée ne compte pour rien ?",
    ),
    # --- 2. potatoes: both clues -----------------------------------------------------------------
    "core.challenge.potatoes_both.title": ("Both clues or nothing", "Les deux indices ou rien"),
    "core.challenge.potatoes_both.goal": (
        "Make the neuron say yes (above 0.5) only when it smells herbs AND sees peelings, "
        "whatever the saxophone does. One clue alone is not enough.",
        "Faites dire oui au neurone (plus de 0,5) seulement quand il sent les herbes ET voit des "
        "épluchures, quoi que fasse le saxophone. Un seul indice ne suffit pas.",
    ),
    "core.challenge.potatoes_both.hint": (
        "With one clue alone, the sum z must stay below 0, and with both it must go above: "
        "make the bias more negative than either weight, but not more than the two together.",
        "Avec un seul indice, la somme z doit rester sous 0, et avec les deux passer au-dessus : "
        "rendez le biais plus négatif que chacun des poids, mais pas que les deux ensemble.",
    ),
    # --- 3. AND with a step neuron ---------------------------------------------------------------
    "core.challenge.and_step.title": ("AND with a step neuron", "ET avec un neurone à seuil"),
    "core.challenge.and_step.goal": (
        "Make this one neuron output 1 only when a and b are both 1, else 0. Its step activation "
        "gives 1 when the sum z is 0 or more, and 0 below: keep it.",
        "Faites sortir 1 à ce neurone seulement quand a et b valent 1 tous les deux, sinon 0. Sa "
        "fonction d'activation à seuil donne 1 quand la somme z vaut 0 ou plus, et 0 en dessous : "
        "gardez-la.",
    ),
    "core.challenge.and_step.hint": (
        "Try weights of 1 and 1: the sum of the inputs is then 0, 1 or 2. Which bias lifts only the 2 to 0 or above?",
        "Essayez des poids de 1 et 1 : la somme des entrées vaut alors 0, 1 ou 2. Quel biais ne "
        "laisse que le 2 arriver à 0 ou plus ?",
    ),
    # --- 4. AND with a sigmoid neuron ------------------------------------------------------------
    "core.challenge.and_sigmoid.title": ("AND with a sigmoid", "ET avec une sigmoïde"),
    "core.challenge.and_sigmoid.goal": (
        "The same AND with a sigmoid: the output must be above 0.5 when a and b are both 1, "
        "and below 0.5 otherwise. Keep the sigmoid.",
        "Le même ET avec une sigmoïde : la sortie doit dépasser 0,5 quand a et b valent 1 tous "
        "les deux, et rester sous 0,5 sinon. Gardez la sigmoïde.",
    ),
    "core.challenge.and_sigmoid.hint": (
        "The sigmoid is above 0.5 exactly when z is above 0, so the step neuron's numbers work "
        "here too. Multiply them all by 10: the answers get surer, closer to 0 and 1.",
        "La sigmoïde dépasse 0,5 exactement quand z dépasse 0 : les nombres du neurone à seuil "
        "marchent donc ici aussi. Multipliez-les tous par 10 : les réponses deviennent plus "
        "sûres, plus près de 0 et de 1.",
    ),
    # --- 5. OR ---------------------------------------------------------------------------------
    "core.challenge.or.title": ("OR", "OU"),
    "core.challenge.or.goal": (
        "Make the neuron say yes (above 0.5) when a or b is 1, or both, and no (below 0.5) when both are 0.",
        "Faites dire oui au neurone (plus de 0,5) quand a ou b vaut 1, ou les deux, et non "
        "(moins de 0,5) quand les deux valent 0.",
    ),
    "core.challenge.or.hint": (
        "With weights of 1 and 1 the sum is 0, 1 or 2: this time the cut goes between 0 and 1.",
        "Avec des poids de 1 et 1, la somme vaut 0, 1 ou 2 : cette fois, la coupure passe entre 0 et 1.",
    ),
    # --- 6. NAND -------------------------------------------------------------------------------
    "core.challenge.nand.title": ("NAND", "NON-ET"),
    "core.challenge.nand.goal": (
        "Make the neuron say yes for every row except when a and b are both 1: NOT (a AND b). "
        "Every logic circuit can be built from NAND gates alone.",
        "Faites dire oui au neurone pour chaque ligne, sauf quand a et b valent 1 tous les deux : "
        "NON (a ET b). Tout circuit logique peut se construire avec des portes NON-ET seulement.",
    ),
    "core.challenge.nand.hint": (
        "Take a neuron that does AND and flip every sign, of the weights and of the bias.",
        "Prenez un neurone qui fait ET et changez tous les signes, des poids et du biais.",
    ),
    # --- 7. XOR with one neuron: impossible -----------------------------------------------------
    "core.challenge.xor_one_neuron.title": ("XOR with one neuron", "XOR avec un seul neurone"),
    "core.challenge.xor_one_neuron.goal": (
        "Make one neuron say yes when a and b differ (exactly one of them is 1) and no when "
        "they are equal. How many of the four rows can you get right?",
        "Faites dire oui à un seul neurone quand a et b diffèrent (un seul des deux vaut 1) et "
        "non quand ils sont égaux. Combien des quatre lignes arrivez-vous à rendre justes ?",
    ),
    "core.challenge.xor_one_neuron.hint": (
        "Draw the four rows as the corners of a square, a across and b up: the two yes corners "
        "face each other on a diagonal. Can one straight line put both on the same side?",
        "Dessinez les quatre lignes comme les coins d'un carré, a vers la droite et b vers le "
        "haut : les deux coins oui se font face en diagonale. Une seule droite peut-elle les "
        "mettre du même côté ?",
    ),
    "core.challenge.xor_one_neuron.why_impossible": (
        "One neuron cuts the square of (a, b) along one straight line: yes on one side, no on "
        "the other. XOR's yes rows, (1, 0) and (0, 1), sit on one diagonal and its no rows, "
        "(0, 0) and (1, 1), on the other: no straight line splits them, so at most 3 rows can "
        "be right. It takes a hidden layer: see the next challenge.",
        "Un neurone coupe le carré des (a, b) le long d'une seule droite : oui d'un côté, non de "
        "l'autre. Les lignes oui de XOR, (1, 0) et (0, 1), sont sur une diagonale et ses lignes "
        "non, (0, 0) et (1, 1), sur l'autre : aucune droite ne les sépare, donc 3 lignes au plus "
        "peuvent être justes. Il faut une couche cachée : voyez le défi suivant.",
    ),
    # --- 8. XOR with a hidden layer ------------------------------------------------------------
    "core.challenge.xor_hidden.title": ("XOR with a hidden layer", "XOR avec une couche cachée"),
    "core.challenge.xor_hidden.goal": (
        "Two hidden neurons and one output: make it say yes when a and b differ and no when they "
        "are equal. Set every weight and bias by hand.",
        "Deux neurones cachés et une sortie : faites-lui dire oui quand a et b diffèrent et non "
        "quand ils sont égaux. Réglez chaque poids et chaque biais à la main.",
    ),
    "core.challenge.xor_hidden.hint": (
        "Make one hidden neuron an OR and the other an AND; the output then says yes for "
        '"OR but not AND". Large numbers (10, 20) make sigmoids behave like steps.',
        "Faites de l'un des neurones cachés un OU et de l'autre un ET ; la sortie dit alors oui "
        "pour « OU mais pas ET ». De grands nombres (10, 20) font agir les sigmoïdes comme des "
        "seuils.",
    ),
    # --- 9. why non-linearity ------------------------------------------------------------------
    "core.challenge.nonlinearity.title": ("Why non-linearity", "Pourquoi la non-linéarité"),
    "core.challenge.nonlinearity.goal": (
        "The same network for XOR, but every activation is linear. Bring all four outputs within "
        "0.1 of their targets. Try with the weights alone first.",
        "Le même réseau pour XOR, mais toutes les activations sont linéaires. Amenez les quatre "
        "sorties à moins de 0,1 de leurs cibles. Essayez d'abord avec les poids seuls.",
    ),
    "core.challenge.nonlinearity.hint": (
        "A linear layer after a linear layer is still one linear function, a flat plane over "
        "the square, and a plane cannot do XOR, whatever the weights. Change the hidden layer's "
        "activation, to relu for instance, then look for weights again.",
        "Une couche linéaire après une couche linéaire reste une seule fonction linéaire, un plan "
        "au-dessus du carré, et un plan ne peut pas faire XOR, quels que soient les poids. "
        "Changez l'activation de la couche cachée, en relu par exemple, puis cherchez à nouveau "
        "des poids.",
    ),
    # --- 10. training: the spiral ---------------------------------------------------------------
    "core.challenge.spiral.title": ("Spiral in 12 neurons", "Spirale en 12 neurones"),
    "core.challenge.spiral.goal": (
        "Train a network on the spiral dataset until it classifies 95% of the test points right, "
        "with 12 hidden neurons at most, all hidden layers together.",
        "Entraînez un réseau sur les données spiral jusqu'à ce qu'il classe bien 95 % des points "
        "de test, avec 12 neurones cachés au plus, toutes couches cachées comprises.",
    ),
    "core.challenge.spiral.hint": (
        "Two hidden layers of 6 do better here than one wide layer. tanh works well; if the loss "
        "jumps around, lower the learning rate, and be patient.",
        "Deux couches cachées de 6 font mieux ici qu'une seule couche large. tanh marche bien ; "
        "si la perte saute dans tous les sens, baissez le taux d'apprentissage, et soyez patient.",
    ),
}
