"""Code a news article into CAMEO events, then see what it says about one dyad.

Runs on the seed article of the project (Brenda Shaffer, 8 May 2023: Aliyev calls relations
with Iran "at the lowest level ever"), or on any UTF-8 text file given as the argument:

    python examples/code_article.py [article.txt]

Writes the coded events to ``article_events.csv`` in the current folder.
"""

import sys
from pathlib import Path

import tension as tn

SEED = Path(__file__).resolve().parents[1] / "seeds" / "shaffer-2023-aliyev-lowest-level.txt"

path = Path(sys.argv[1]) if len(sys.argv) > 1 else SEED
text = path.read_text(encoding="utf-8")

coder = tn.TextCoder()                       # the bundled actor and verb dictionaries
events = coder.code(text)                    # the dateline at the top ("May 8, 2023") dates the events
print(f"{path.name}: {len(events)} events coded")

# Who did what to whom, with the evidence: trigger words, the rule that fired, a confidence.
columns = ["date", "source", "target", "code", "goldstein", "trigger", "confidence"]
print(events[columns].head(10).to_string(index=False))

# The Azerbaijan-Iran events only (either direction), and how conflictual they are.
countries = events["source"].map(tn.actor_country) + "-" + events["target"].map(tn.actor_country)
dyad = events[countries.isin(["AZE-IRN", "IRN-AZE"])]
print(f"\nAZE-IRN: {len(dyad)} events, mean Goldstein {dyad['goldstein'].mean():+.2f}, "
      f"{(dyad['quad_class'] >= 3).mean():.0%} conflictual (QuadClass 3-4)")

# One event explained in full.
first = coder.events("Aliyev said Iran organised the attack on the embassy.", "2023-05-08")[0]
print("\n" + first.explain())

tn.write_events(events[["date", "source", "target", "code", "confidence", "sentence"]], "article_events.csv")
print("\nwrote article_events.csv (read it back with tn.read_events or `tension flag article_events.csv`)")
