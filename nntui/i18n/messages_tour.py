"""Messages of the guided tour: key → (English, French)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "app.tour.before": ("starting the tour", "de commencer la visite guidée"),
    "app.tour.counter": ("Tour {step}/{steps} ·", "Visite {step}/{steps} ·"),
    "app.tour.neuron": (
        "One neuron decides whether the potatoes are baking, from three clues on the left: "
        "the smell of herbs, peelings seen, a saxophone in the street. "
        "Press → to look at the neuron.",
        "Un seul neurone décide si les pommes de terre sont en train de cuire, à partir de "
        "trois indices à gauche : l'odeur d'herbes, des épluchures, un saxophone dans la rue. "
        "Appuyez sur → pour regarder le neurone.",
    ),
    "app.tour.formula": (
        "Below, the inspector shows its sum: each input times its weight, plus the bias, "
        "then the activation f. Press ] twice to select the saxophone's weight.",
        "En bas, l'inspecteur montre sa somme : chaque entrée multipliée par son poids, "
        "plus le biais, puis la fonction d'activation f. Appuyez deux fois sur ] pour "
        "choisir le poids du saxophone.",
    ),
    "app.tour.saxophone": (
        "The saxophone's weight is tiny: its link is faint. Press + until it reaches 0.5 and watch the output: "
        "it barely moves. A small weight means an input that hardly matters.",
        "Le poids du saxophone est minuscule : son lien est pâle. Appuyez sur + jusqu'à 0,5 et regardez la "
        "sortie : elle bouge à peine. Un petit poids, c'est une entrée qui compte peu.",
    ),
    "app.tour.herbs": (
        "Now the smell of herbs: press ] twice to reach its weight (after the bias), then - "
        "until it is 2 or less. The output drops: this clue mattered.",
        "Maintenant l'odeur d'herbes : appuyez deux fois sur ] pour atteindre son poids "
        "(après le biais), puis sur - jusqu'à 2 ou moins. La sortie baisse : cet indice "
        "comptait.",
    ),
    "app.tour.activation": (
        "The sum goes through a non-linear activation function. Press a to try another one "
        "and watch how the output changes.",
        "La somme passe par une fonction d'activation non linéaire. Appuyez sur a pour en "
        "essayer une autre et regardez comment la sortie change.",
    ),
    "app.tour.truth": (
        "Press T (shift+t) for the truth table: every combination of the three clues, low or high, "
        "and what the neuron answers to each.",
        "Appuyez sur T (maj+t) pour la table de vérité : chaque combinaison des trois indices, "
        "bas ou haut, et ce que le neurone répond à chacune.",
    ),
    "app.tour.gradient": (
        "Learning is the way back: press b for the backward pass. For each weight it shows the "
        "gradient δ·a, how much the loss changes with it. Then B takes one step downhill: each "
        "weight moves by −η·g, and the loss goes down. Press b again to go on.",
        "Apprendre, c'est le chemin du retour : appuyez sur b pour la rétropropagation. Pour chaque "
        "poids elle montre le gradient δ·a, combien la perte varie avec lui. Puis B fait un pas "
        "vers le bas : chaque poids bouge de −η·g, et la perte baisse. Appuyez encore sur b pour "
        "continuer.",
    ),
    "app.tour.layers": (
        "Many neurons side by side make a layer: here an input layer, two hidden layers and "
        "an output layer. Press → to enter the first hidden layer.",
        "Plusieurs neurones côte à côte forment une couche : ici une couche d'entrée, deux "
        "couches cachées et une couche de sortie. Appuyez sur → pour entrer dans la "
        "première couche cachée.",
    ),
    "app.tour.feeding": (
        "Each layer feeds the next: the values of one layer are the inputs of the following "
        "one. Press → twice more to reach the output layer.",
        "Chaque couche alimente la suivante : les valeurs d'une couche sont les entrées de "
        "la suivante. Appuyez encore deux fois sur → pour atteindre la couche de sortie.",
    ),
    "app.tour.inputs": (
        "Go back to the inputs (← three times) and change one with +: every layer "
        "recomputes at once, all the way to the output.",
        "Revenez aux entrées (trois fois ←) et changez-en une avec + : toutes les couches "
        "sont recalculées aussitôt, jusqu'à la sortie.",
    ),
    "app.tour.train_view": (
        "Now the network learns by itself. ctrl+t opens the training view: the data's points, "
        "orange and blue, over what the output says at each place. Press x for a network that "
        "fits the data, with small random weights.",
        "Maintenant le réseau apprend seul. ctrl+t ouvre la vue d'entraînement : les points des "
        "données, orange et bleus, sur ce que dit la sortie en chaque endroit. Appuyez sur x pour "
        "un réseau adapté aux données, aux petits poids tirés au hasard.",
    ),
    "app.tour.train_play": (
        "space plays. Watch the links: like a path walked often through a forest, the links that "
        "matter grow brighter while training, and the others fade, like a path left alone. "
        "Press space again to pause.",
        "espace lance l'entraînement. Regardez les liens : comme un chemin souvent emprunté dans "
        "une forêt, les liens qui comptent s'éclairent, et les autres s'effacent, comme un chemin "
        "délaissé. Appuyez encore sur espace pour mettre en pause.",
    ),
    "app.tour.train_feature": (
        "The network reads the point's coordinates x1 and x2. Give it a feature too: Tab to the "
        "input features, → to x1², then Enter.",
        "Le réseau lit les coordonnées du point, x1 et x2. Donnez-lui aussi une caractéristique : "
        "Tab jusqu'aux caractéristiques d'entrée, → jusqu'à x1², puis Entrée.",
    ),
    "app.tour.train_score": (
        "Play again, then pause and read the test score beside the training one: the test "
        "points were never trained on, so they tell whether the network learned the pattern "
        "or only the points.",
        "Relancez, puis mettez en pause et lisez le score de test à côté de celui "
        "d'entraînement : le réseau ne s'est jamais entraîné sur les points de test, ils disent "
        "s'il a appris la forme ou seulement les points.",
    ),
    "app.tour.digits_draw": (
        "A picture now: this network reads handwritten digits, its 64 inputs an 8×8 picture. "
        "Leave the training view (ctrl+t), press c to clear the picture, then draw a digit: the "
        "arrows move, space inks (twice fills a pixel), backspace erases, or drag the mouse.",
        "Une image maintenant : ce réseau lit des chiffres manuscrits, ses 64 entrées forment une "
        "image de 8×8. Quittez la vue d'entraînement (ctrl+t), appuyez sur c pour effacer l'image, "
        "puis dessinez un chiffre : les flèches déplacent, espace encre (deux fois remplissent un "
        "pixel), retour arrière gomme, ou faites glisser la souris.",
    ),
    "app.tour.digits_gallery": (
        "Beside the picture, each first hidden neuron's 64 weights are a picture too: blue where "
        "ink makes it fire, orange where ink holds it back. Untrained, they are noise. Move right "
        "past the picture's edge to select a hidden neuron.",
        "À côté de l'image, les 64 poids de chaque neurone de la première couche cachée forment "
        "aussi une image : bleue où l'encre le fait réagir, orange où elle le retient. Sans "
        "entraînement, c'est du bruit. Allez à droite au-delà du bord de l'image pour choisir un "
        "neurone caché.",
    ),
    "app.tour.digits_train": (
        "Now let it learn: ctrl+t, then space, and watch the weights' pictures take shapes and "
        "the test score climb past 90%. Pause with space.",
        "Laissez-le apprendre : ctrl+t, puis espace, et regardez les images des poids prendre "
        "forme et le score de test passer 90 %. Mettez en pause avec espace.",
    ),
    "app.tour.digits_mistakes": (
        "The matrix says which digits it mixes up. ] shows the test images it reads wrong; i "
        "puts the one shown into the picture, to see why. Then ctrl+t back and draw your own.",
        "La matrice dit quels chiffres il confond. ] montre les images de test qu'il lit mal ; i "
        "met celle qui est affichée dans l'image, pour voir pourquoi. Puis ctrl+t pour revenir et "
        "dessiner le vôtre.",
    ),
    "app.tour.end": (
        "That's the tour! Press t to close it, ? for the help, g for goals to reach by hand.",
        "C'est la fin de la visite ! Appuyez sur t pour la fermer, ? pour l'aide, g pour des "
        "défis à relever à la main.",
    ),
    "app.key.tour": ("Tour", "Visite"),
    "app.key.tour.help": (
        "a guided tour: one neuron, weights, activation, layers",
        "une visite guidée : un neurone, les poids, l'activation, les couches",
    ),
}
