"""Reports how plain our interface text is: sentence length and Flesch reading ease,
against the targets in coproduce.lib.plain_english, with the paragraphs and texts that
miss them, hardest first."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from coproduce.lib import plain_english


class Command(BaseCommand):
    help = __doc__.splitlines()[0]

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--worst", type=int, default=20, help="how many misses to list")

    def handle(self, *args: Any, worst: int, **options: Any) -> None:
        package = Path(plain_english.__file__).resolve().parent.parent
        paragraphs = plain_english.interface_paragraphs(package)
        for easy_read, name in ((False, "Interface text"), (True, "Easy Read")):
            target = plain_english.TARGETS[easy_read]
            summary = plain_english.summarise(paragraphs, easy_read)
            chosen = [p for p in paragraphs if p.easy_read == easy_read]
            self.stdout.write(
                f"{name}: {summary.paragraphs} paragraphs, "
                f"{summary.short_sentences:.1%} at most {target['words_per_sentence']} words "
                f"a sentence; {summary.texts} texts, {summary.easy_enough:.1%} at a reading "
                f"ease of {target['reading_ease']} or more; overall "
                f"{summary.words_per_sentence:.1f} words a sentence, reading ease "
                f"{summary.reading_ease:.1f} (target: {target['share']:.0%} of each)"
            )
            for paragraph in plain_english.longest(chosen, worst):
                found = plain_english.measure(paragraph.text)
                self.stdout.write(
                    f"  long  {found.words_per_sentence:5.1f} words a sentence  "
                    f"{paragraph.source}: {paragraph.text}"
                )
            for text, ease in plain_english.hardest(chosen, worst):
                self.stdout.write(f"  hard  reading ease {ease:5.1f}  {text}")
