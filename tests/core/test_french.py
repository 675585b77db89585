"""The core and the CLI in French, and their messages all in the catalogue.

The core's messages (nntui/core, nntui/recovery.py) and the CLI's are keyed
``core.…`` and ``cli.…`` in nntui/i18n/messages_core.py and messages_cli.py.
The suite's conftest puts English back after each test.
"""

from __future__ import annotations

import ast
import json
import re
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

import nntui
from nntui.core.activations import get_activation
from nntui.core.datasets import DATASET_DESCRIPTIONS, DataFileError, load_csv
from nntui.core.edits import ParamRef, SetActivation
from nntui.core.export import ExportError, torch_snippet
from nntui.core.fileformat import NetworkFileError, load_network, loads_network
from nntui.core.network import DenseLayer, Network
from nntui.core.numbers import NumberError, parse_finite
from nntui.core.plural import counted
from nntui.core.presets import load_preset, preset_names, translated_names
from nntui.core.shape import ShapeError, check_name, fresh_network, remove_neuron
from nntui.document.recovery import Recovery
from nntui.i18n import LANGUAGES, set_language, t
from nntui.i18n.catalogue import CATALOGUE
from tests.factory import random_network

PACKAGE = Path(nntui.__file__).parent
# Where the cli. and core. keys are asked for: the CLI (a module or a package),
# the document layer (the recovery store, the solved challenges) and the core, sub-packages included.
_SOURCE_ROOTS = ("cli.py", "cli", "document", "core")
SOURCES = sorted(
    path
    for root in (PACKAGE / name for name in _SOURCE_ROOTS)
    for path in ([root] if root.is_file() else sorted(root.rglob("*.py")))
)
# Keys built at run time: prefix → the names that complete it.  None: every key
# is written out in full, except the two forms of a counted noun (plural.counted).
DYNAMIC_PREFIXES: dict[str, tuple[str, ...]] = {}
PLURAL_FORMS = (".one", ".other")
KEY = re.compile(r"(cli|core)\.[a-z0-9_]+(\.[a-z0-9_]+)+")


def _xor_doc() -> dict[str, object]:
    return json.loads(resources.files("nntui.presets").joinpath("xor.json").read_text("utf-8"))


# --- errors in French ----------------------------------------------------------------------


def test_a_network_file_error_is_in_french(tmp_path: Path) -> None:
    set_language("fr")
    with pytest.raises(NetworkFileError) as missing:
        load_network(tmp_path / "absent.json", label="absent.json")
    assert str(missing.value) == "absent.json : fichier introuvable"
    doc = _xor_doc()
    doc["layers"][1]["weights"] = [[1.0, 2.0, 3.0]]  # type: ignore[index]
    with pytest.raises(NetworkFileError) as shape:
        loads_network(json.dumps(doc), "net.json")
    assert str(shape.value) == (
        'net.json : couche 2 ("output") : la ligne de poids 1 a 3 valeur(s) mais la couche précédente a 2 neurones'
    )
    with pytest.raises(NetworkFileError, match=r"^net\.json : JSON invalide : .* \(ligne 1, colonne 2\)$"):
        loads_network("{", "net.json")


def test_a_network_file_error_is_unchanged_in_english() -> None:
    doc = _xor_doc()
    doc["layers"][1]["weights"] = [[1.0, 2.0, 3.0]]  # type: ignore[index]
    with pytest.raises(NetworkFileError) as shape:
        loads_network(json.dumps(doc), "net.json")
    assert str(shape.value) == (
        'net.json: layer 2 ("output"): weights row 1 has 3 values but the previous layer has 2 neurons'
    )


def test_a_shape_error_is_in_french() -> None:
    set_language("fr")
    with pytest.raises(ShapeError, match=r"^un nom ne peut pas être vide$"):
        check_name("  ")
    with pytest.raises(ShapeError, match=r"^un réseau a besoin d'au moins une entrée : c'est la dernière$"):
        remove_neuron(random_network([1, 2]), 0, 0)
    set_language("en")
    with pytest.raises(ShapeError, match=r"^a name cannot be empty$"):
        check_name("  ")


def test_a_number_error_is_in_french() -> None:
    set_language("fr")
    with pytest.raises(NumberError) as error:
        parse_finite("abc")
    assert str(error.value) == '"abc" n\'est pas un nombre : tapez-en un comme 0,5 ou -2'
    set_language("en")
    with pytest.raises(NumberError) as error:
        parse_finite("abc")
    assert str(error.value) == '"abc" is not a number: type one such as 0.5 or -2'


def test_a_data_file_error_is_in_french(tmp_path: Path) -> None:
    (tmp_path / "one.csv").write_text("x1,x2,y\n1,2,0\n", encoding="utf-8")
    (tmp_path / "bad.csv").write_text("x1,y\n1,0\nabc,1\n", encoding="utf-8")
    set_language("fr")
    with pytest.raises(DataFileError) as one:
        load_csv(tmp_path / "one.csv")
    assert str(one.value).endswith(
        "one.csv : une seule ligne de données : il en faut au moins 2 pour séparer données d'entraînement et de test"
    )
    with pytest.raises(DataFileError) as bad:
        load_csv(tmp_path / "bad.csv")
    assert str(bad.value).endswith('bad.csv : ligne 3, colonne 1 ("x1") : un nombre était attendu, trouvé : "abc"')
    set_language("en")
    with pytest.raises(DataFileError) as bad:
        load_csv(tmp_path / "bad.csv")
    assert str(bad.value).endswith('bad.csv: line 3, column 1 ("x1"): expected a number, found "abc"')


def test_an_export_error_and_an_unknown_preset_are_in_french() -> None:
    set_language("fr")
    network = load_preset("xor")
    network.layers[0].weights[0, 0] = np.inf
    with pytest.raises(ExportError, match=r'^les poids de la couche 1 \("cachée"\) contiennent NaN'):
        torch_snippet(network)
    with pytest.raises(NetworkFileError, match=r'^exemple inconnu "nope" \(disponibles : potatoes, '):
        load_preset("nope")


# --- names and words the learner reads ----------------------------------------------


def test_the_potatoes_preset_is_named_in_french() -> None:
    english = load_preset("potatoes")
    set_language("fr")
    french = load_preset("potatoes")
    assert french.name == "Les pommes de terre cuisent"
    assert french.input_names == ["odeur d'herbes", "épluchures vues", "saxophone dans la rue"]
    assert french.layers[0].name == "sortie"
    assert french.layers[0].neuron_names == ["pommes de terre cuites"]
    assert np.array_equal(french.input_values, english.input_values)
    assert np.array_equal(french.layers[0].weights, english.layers[0].weights)
    set_language("en")
    again = load_preset("potatoes")
    assert again.name == "Potatoes are baking"
    assert again.input_names == ["herb smell", "peelings seen", "saxophone in the street"]
    assert again.layers[0].neuron_names == ["potatoes baking"]


@pytest.mark.parametrize("name", preset_names())
def test_every_preset_has_all_its_french_names(name: str) -> None:
    """Every name of every preset is translated, fits, and the numbers are the same."""
    names = translated_names("fr")[name]
    english = load_preset(name)
    assert len(names["inputs"]) == english.n_inputs
    assert len(names["layers"]) == len(english.layers)
    for entry, layer in zip(names["layers"], english.layers):
        assert len(entry["neurons"]) == layer.n_out
    set_language("fr")
    french = load_preset(name)
    assert french.name == names["name"]
    for column in range(len(french.sizes)):
        shown = [french.neuron_name(column, j) for j in range(french.sizes[column])]
        assert len(set(shown)) == len(shown)  # names within a layer stay distinct
        assert all(check_name(n) == n for n in shown)
    for k, (layer, entry) in enumerate(zip(french.layers, names["layers"]), start=1):
        assert french.layer_title(k) == entry["name"]
        assert np.array_equal(layer.weights, english.layers[k - 1].weights)
        assert np.array_equal(layer.bias, english.layers[k - 1].bias)
    assert set(translated_names("fr")) == set(preset_names())


def test_default_names_are_in_french() -> None:
    network = Network(["a"], [0.0], [DenseLayer([[1.0]], [0.0]), DenseLayer([[1.0]], [0.0])])
    assert (network.name, network.layer_title(0), network.layer_title(1), network.layer_title(2)) == (
        "untitled",
        "input",
        "hidden 1",
        "output",
    )
    set_language("fr")
    network = Network(["a"], [0.0], [DenseLayer([[1.0]], [0.0]), DenseLayer([[1.0]], [0.0])])
    assert (network.name, network.layer_title(0), network.layer_title(1), network.layer_title(2)) == (
        "sans titre",
        "entrée",
        "cachée 1",
        "sortie",
    )
    assert fresh_network([2, 1], np.random.default_rng(0)).name == "nouveau réseau"
    doc = _xor_doc()
    del doc["name"]
    assert loads_network(json.dumps(doc)).name == "sans titre"


def test_edits_datasets_activations_and_recovery_speak_french() -> None:
    set_language("fr")
    net = load_preset("potatoes")
    assert ParamRef.input(0).describe(net) == "entrée odeur d'herbes"
    assert ParamRef.weight(0, 0, 0).describe(net) == "poids odeur d'herbes → pommes de terre cuites"
    assert ParamRef.bias(0, 0).describe(net) == "biais de pommes de terre cuites"
    assert SetActivation(0, "sigmoid", "tanh").describe(net) == "activation de sortie = tanh"
    assert DATASET_DESCRIPTIONS["spiral"] == "Deux bras de spirale entrelacés, un par classe."
    for text in DATASET_DESCRIPTIONS.values():  # the same rules as in English
        assert text and "\n" not in text and text.endswith(".") and len(text) <= 80
    assert get_activation("step").formula == "f(z) = 1 si z ≥ 0, sinon 0"
    assert get_activation("leaky_relu").formula == "f(z) = z si z ≥ 0, sinon 0,01·z"
    from_preset = Recovery(Path("r.json"), net, None, None, "xor")  # type: ignore[arg-type]
    assert from_preset.source == "exemple xor"
    from_nothing = Recovery(Path("r.json"), net, None, None, None)  # type: ignore[arg-type]
    assert from_nothing.source == "un nouveau réseau"


@pytest.mark.parametrize(
    ("language", "counts"),
    [("en", ["0 neurons", "1 neuron", "2 neurons"]), ("fr", ["0 neurone", "1 neurone", "2 neurones"])],
)
def test_counted_nouns_follow_the_language(language: str, counts: list[str]) -> None:
    set_language(language)
    assert [counted("core.count.neuron", n) for n in (0, 1, 2)] == counts


# --- the catalogue and the code agree --------------------------------------------------


def _key_constants() -> dict[str, list[str]]:
    """Every key-like string constant of the CLI and the core → where it is."""
    found: dict[str, list[str]] = {}
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and KEY.fullmatch(node.value):
                found.setdefault(node.value, []).append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    return found


def _counted_stems() -> set[str]:
    """The counted nouns asked for: the first argument of every ``counted("…", n)`` call,
    and any key-like constant whose two forms are in the catalogue (a noun picked
    from a table, as in cli.py's ``_mismatch``)."""
    stems = {
        key
        for key in _key_constants()
        if key not in CATALOGUE and all(key + form in CATALOGUE for form in PLURAL_FORMS)
    }
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "counted"
                and node.args
            ):
                for part in ast.walk(node.args[0]):
                    if isinstance(part, ast.Constant) and isinstance(part.value, str):
                        stems.add(part.value)
    return stems


def test_the_scan_finds_the_keys() -> None:
    found = _key_constants()
    assert "cli.error.line" in found and "core.file.no_such_file" in found
    assert "core.count.neuron" in _counted_stems()


def test_every_key_the_cli_and_core_ask_for_exists() -> None:
    stems = _counted_stems()
    assert not sorted(s for s in stems if not all(s + form in CATALOGUE for form in PLURAL_FORMS))
    missing = {
        key: where
        for key, where in _key_constants().items()
        if key not in CATALOGUE and key not in stems and key not in DYNAMIC_PREFIXES
    }
    assert not missing, f"keys used but not in the catalogue: {missing}"


def test_every_cli_and_core_message_is_used() -> None:
    used = set(_key_constants())
    stems = _counted_stems()
    unused = []
    for key in CATALOGUE:
        if not key.startswith(("cli.", "core.")) or key in used:
            continue
        stem, _, form = key.rpartition(".")
        if f".{form}" in PLURAL_FORMS and stem in stems:
            continue
        if any(key.startswith(prefix) for prefix in DYNAMIC_PREFIXES):
            continue
        unused.append(key)
    assert not unused, f"messages no code asks for: {unused}"


def test_both_languages_are_known() -> None:
    assert LANGUAGES == ("en", "fr")
    assert t("cli.error.line", message="x") == "nntui: error: x"
