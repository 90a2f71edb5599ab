"""manage.py language_check_report: run the language check over the evaluation set (sentences
written from published guides, tests/language_check/evaluation/) and print precision,
recall and F1 per locale and per category, and how many suicide-reporting sentences get a
finding that stops the workflow. Nothing is written to the database."""

from django.core.management.base import BaseCommand, CommandError

from home.language_check import evaluation
from home.language_check.models import LanguageRule

HEADER = (
    f"{'':28} {'flag':>5} {'clean':>5} {'caught':>6} {'false':>5} "
    f"{'prec':>5} {'recall':>6} {'F1':>5}  {'high caught':>12}  {'clean blocked':>13}"
)
CLEAN_HEADER = f"{'':28} {'clean':>5} {'false alarms':>12} {'rate':>5}  {'blocked':>7}"


def _figure(value):
    return "  –  " if value is None else f"{value:5.2f}"


def _line(name, scores):
    high = f"{scores.high_caught}/{scores.high} {_figure(scores.high_rate)}" if scores.high else ""
    return (
        f"{name:28} {scores.flagged:5} {scores.clean:5} {scores.caught:6} "
        f"{scores.false_alarms:5} {_figure(scores.precision)} {_figure(scores.recall):>6} "
        f"{_figure(scores.f1)}  {high:>12}  {scores.clean_blocked:13}"
    )


def _clean_line(name, scores):
    rate = scores.false_alarms / scores.clean
    return (
        f"{name:28} {scores.clean:5} {scores.false_alarms:12} {_figure(rate)}  "
        f"{scores.clean_blocked:7}"
    )


class Command(BaseCommand):
    help = (
        "Score the language check against the evaluation set: precision, recall and F1 per "
        "locale and category, and the high-severity catch rate for suicide reporting."
    )

    def add_arguments(self, parser):
        parser.add_argument("--locale", help="Only this locale (its file's name, e.g. de).")
        parser.add_argument(
            "--set",
            default="evaluation",
            help=(
                "Which set: 'evaluation' (the default), 'fresh', a folder of <locale>.tsv "
                "files or one such file."
            ),
        )
        parser.add_argument(
            "--verbose",
            action="store_true",
            help="Also list every miss and every false alarm.",
        )

    def handle(self, *args, **options):
        files = evaluation.set_files(options["set"], options["locale"])
        if not files:
            raise CommandError(f"No evaluation file found in {options['set']}.")
        try:
            rows = [row for file in files for row in evaluation.read_rows(file)]
        except ValueError as error:
            raise CommandError(str(error)) from error
        outcomes = evaluation.evaluate(rows)
        write = self.stdout.write
        write(f"Language check evaluation: {len(rows)} sentences from {options['set']}")
        write(
            "A flag sentence is caught by any finding; on a clean one any finding is a false "
            "alarm (low-severity notes allowed on low_ok rows). 'high caught': suicide-reporting "
            "sentences with a finding that stops the workflow."
        )
        write("\nBy locale\n" + HEADER)
        with_rules = set(
            LanguageRule.objects.filter(active=True).values_list("language", flat=True)
        )
        for locale, scores in evaluation.by_locale(outcomes).items():
            write(_line(locale, scores) + ("" if locale in with_rules else "  (no active rules)"))
        write(_line("all", evaluation.score(outcomes)))
        categories = evaluation.by_category(outcomes)
        write("\nBy flag category (its false alarms: on the clean rows near it)\n" + HEADER)
        for category, scores in categories.items():
            if evaluation.CATEGORIES[category][0] == evaluation.FLAG:
                write(_line(category, scores))
        write("\nBy clean category\n" + CLEAN_HEADER)
        for category, scores in categories.items():
            if evaluation.CATEGORIES[category][0] == evaluation.CLEAN:
                write(_clean_line(category, scores))
        if options["verbose"]:
            self._details(outcomes)

    def _details(self, outcomes):
        write = self.stdout.write
        write("\nMisses and false alarms")
        for outcome in outcomes:
            row = outcome.row
            if outcome.correct and not (row.high and not outcome.blocked):
                continue
            if row.label == evaluation.FLAG:
                kind = "MISS" if not outcome.alarmed else "NOT BLOCKING"
            else:
                kind = "FALSE ALARM"
            found = "; ".join(f"'{f.matched}' ({f.severity})" for f in outcome.findings)
            write(f"[{row.locale}:{row.line}] {kind} {row.category}: {row.sentence}")
            if found:
                write(f"    found: {found}")
