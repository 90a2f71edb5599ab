"""Training the sentence model (``sentence_model``) from labelled sentence sets.

Needs scikit-learn (a development dependency): only ``manage.py train_sentence_model`` and
the tests import this module; the site reads the weights it writes. For each language:
TF-IDF over the sentence model's features (each counted once per sentence, features seen
in at least two sentences and in no more than a tenth of them, each sentence scaled to
length one), then three logistic regressions: flag or clean, high or not, and the category
of a flag sentence. Classes are weighted by their size, so a set with more flag than clean
rows does not tilt the model. Training is deterministic: the same sets give the same file.
"""

import json

from home.language_check import evaluation
from home.language_check.rules import load_rules
from home.language_check.sentence_model import MODEL_DIR, features

# Chosen with held-out sets 4 to 10 left out of training in turn (each fold trained on
# every other set; with the rules, over the seven: recall 0.93, precision 0.95, high caught
# 0.93; of the 70 locale-and-set cells, 3 under a target of issue #16, against 6 for the
# thresholds of the model trained on sets 1 to 8: 0.7, 0.9 and no short rule).
THRESHOLD = 0.65
HIGH_THRESHOLD = 0.5
# Stigmatising wording (labels, slurs, "suffers from") is what the rules find best; the model
# adds to them only when nearly certain (cross-validated: fewer false alarms on everyday
# sentences such as "he suffers from back pain").
MEDIUM_THRESHOLD = 0.85
# A sentence with fewer known features than this is left to the rules: in a short sentence
# one word weighs too much ("Elle a mis fin à ses jours." is how the guides say it).
MIN_FEATURES = 4
# A short sentence (fewer known features than SHORT_FEATURES: about four words) needs more
# certainty: the sets' sentences are mostly longer, and everyday short sentences ("Les
# veines du bois sont belles.", "He suffers from nothing;") were flagged at the thresholds
# above (cross-validated as above: the same recall and precision to 0.002).
SHORT_FEATURES = 8
SHORT_THRESHOLD = 0.8
SHORT_MEDIUM_THRESHOLD = 0.92
REGULARISATION = 4.0  # scikit-learn's C
MIN_SENTENCES = 2
# Words in more than this share of a language's sentences (pronouns, articles, "is") are
# left out: the sets' flagged sentences tell of one person ("he", "his") far more often
# than their clean ones, and the model had learned those words as signs of harm ("He took
# his own life last year." was flagged). Cross-validated as above: 3 cells under a target
# instead of 5, the same recall and precision to 0.005, and fewer features to read.
MAX_SHARE = 0.1
DIGITS = 5


def _fit(rows, language):
    # scikit-learn is a development package: imported only when training.
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression  # (the same)

    vectoriser = TfidfVectorizer(
        analyzer=lambda sentence: features(sentence, language),
        binary=True,
        min_df=MIN_SENTENCES,
        max_df=MAX_SHARE,
    )
    matrix = vectoriser.fit_transform([row.sentence for row in rows])

    def regression():
        return LogisticRegression(C=REGULARISATION, max_iter=5000, class_weight="balanced")

    flag = regression().fit(matrix, [row.label == evaluation.FLAG for row in rows])
    high = regression().fit(matrix, [row.high for row in rows])
    flagged = [index for index, row in enumerate(rows) if row.label == evaluation.FLAG]
    kinds = regression().fit(matrix[flagged], [rows[index].category for index in flagged])
    return vectoriser, flag, high, kinds


def recommended_wordings(language):
    """The wordings the rules recommend instead ("died by suicide", "person with
    schizophrenia") as clean rows: what the guides ask for is never a finding."""
    wordings = sorted(
        {
            line.strip()
            for rule in load_rules()
            if rule["language"] == language and rule["match_type"] != "model"
            for line in rule["alternatives"].splitlines()
            if line.strip()
        }
    )
    return [
        evaluation.Row(
            language,
            0,
            wording,
            evaluation.CLEAN,
            "clean_safe_reporting",
            "",
            False,
            False,
            "the rules' alternatives",
        )
        for wording in wordings
    ]


def train(rows, language, trained_on=()):
    """The model file's data for ``language`` from ``rows`` (evaluation Rows) and the rules'
    recommended wordings."""
    rows = [row for row in rows if row.locale == language] + recommended_wordings(language)
    vectoriser, flag, high, kinds = _fit(rows, language)
    categories = [str(name) for name in kinds.classes_]
    if len(categories) == 2:  # scikit-learn keeps one weight row for two classes
        raise ValueError(f"{language}: the category model needs at least three categories")
    weights = {}
    for name, column in sorted(vectoriser.vocabulary_.items()):
        values = [vectoriser.idf_[column], flag.coef_[0][column], high.coef_[0][column]]
        values.extend(kinds.coef_[:, column])
        weights[name] = [round(float(value), DIGITS) for value in values]
    return {
        "language": language,
        "trained_on": list(trained_on),
        "sentences": len(rows),
        "threshold": THRESHOLD,
        "high_threshold": HIGH_THRESHOLD,
        "medium_threshold": MEDIUM_THRESHOLD,
        "min_features": MIN_FEATURES,
        "short_features": SHORT_FEATURES,
        "short_threshold": SHORT_THRESHOLD,
        "short_medium_threshold": SHORT_MEDIUM_THRESHOLD,
        "categories": categories,
        "intercepts": {
            "flag": round(float(flag.intercept_[0]), DIGITS),
            "high": round(float(high.intercept_[0]), DIGITS),
            "category": [round(float(value), DIGITS) for value in kinds.intercept_],
        },
        "features": weights,
    }


def rows_of(set_names):
    """Every row of the named sets (names of folders beside the evaluation set)."""
    return [row for name in set_names for row in evaluation.set_rows(evaluation.SETS_FOLDER / name)]


def write(data, folder=MODEL_DIR):
    folder.mkdir(exist_ok=True)
    path = folder / f"{data['language']}.json"
    path.write_text(
        json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n",
        encoding="utf-8",
    )
    return path
