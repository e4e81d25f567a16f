#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""gen.py OUT PEOPLE SESSIONS [SLUG] - writes a large generated program for
`make bench` (and tests/growth) into the folder OUT (cohort SLUG, "bench" by default).

cohort.csv, participants.csv (P people), sessions.csv (S group sessions, one a
day at 09:00 Sydney time from 2024-01-01) and attendance.csv (P x S rows: a
realistic mix of statuses). Deterministic: the same arguments give the same files.

The other programs the notices and meetings are measured on, each a cohort.csv
and people.csv beside what the kind names:
  gen.py notices OUT SLUG PEOPLE       sessions.csv, one session of 2026-11-16, and
                                       att.csv: everyone a no-show, so a notice each
  gen.py tell OUT SLUG PEOPLE SESSIONS sessions.csv: SESSIONS to come, one a day from
                                       2026-12-01, for an invitation each
  gen.py meeting OUT SLUG ROWS [PEOPLE [GUESTS]]
                                       sessions.csv (one of two hours) and zoom.csv, a
                                       Zoom participant export of ROWS rows: each of
                                       PEOPLE (2,000) joins again and again, with a new
                                       guest every other row (GUESTS "yes") or none
                                       ("no": the same people however many the rows)
"""
import csv
import datetime
import random
import sys


def main():
    out, people, sessions = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    slug = sys.argv[4] if len(sys.argv) > 4 else "bench"
    rnd = random.Random(20261122)
    with open(f"{out}/cohort.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["slug", "name", "coach", "coach_email", "time_zone", "fee",
                    "currency", "starts", "ends"])
        w.writerow([slug, "Benchmark cohort", "Bea Bench", "bea@example.com",
                    "Australia/Sydney", "1500.00", "AUD", "2024-01-01", "2026-12-31"])
    emails = [f"person{i:05d}@example.com" for i in range(people)]
    with open(f"{out}/participants.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Name", "E-mail", "Company"])
        for i, e in enumerate(emails):
            w.writerow([f"Person {i:05d}", e, f"Company {i % 97}"])
    day0 = datetime.date(2024, 1, 1)
    days = [day0 + datetime.timedelta(days=j) for j in range(sessions)]
    with open(f"{out}/sessions.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["number", "start", "minutes", "kind", "title"])
        for j, d in enumerate(days):
            w.writerow([j + 1, f"{d} 09:00", 90, "group", f"Session {j + 1}"])
    reasons_late = ["customer-meeting", "work", "travel", "other"]
    with open(f"{out}/attendance.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["session", "email", "status", "minutes_late", "cancelled_at",
                    "reason", "note"])
        for j, d in enumerate(days):
            eve = d - datetime.timedelta(days=1)
            for e in emails:
                r = rnd.random()
                if r < 0.80:
                    w.writerow([j + 1, e, "present", "", "", "", ""])
                elif r < 0.85:
                    w.writerow([j + 1, e, "late", rnd.randint(1, 40), "", "", ""])
                elif r < 0.93:
                    hour = rnd.choice(["10:00", "17:30", "19:45", "21:10"])
                    w.writerow([j + 1, e, "cancelled", "", f"{eve} {hour}",
                                rnd.choice(reasons_late), ""])
                elif r < 0.97:
                    w.writerow([j + 1, e, "no-show", "", "", "", ""])
                else:
                    w.writerow([j + 1, e, "excused", "", "", "medical", "note, with comma"])


def cohort_file(out, slug, name):
    """Writes out/cohort.csv: cohort SLUG in London."""
    open(f"{out}/cohort.csv", "w").write("slug,name,coach,coach email,time zone\n"
                                         f"{slug},{name},Bea Bench,bea@example.com,Europe/London\n")


def people_file(out, slug, people):
    """Writes out/people.csv: PEOPLE named with an accent, their addresses SLUG's initial
    and a number; returns the addresses."""
    emails = ["%s%05d@example.com" % (slug[0], i) for i in range(people)]
    with open(f"{out}/people.csv", "w") as f:
        f.write("name,email\n")
        for i, e in enumerate(emails):
            f.write("Zoë Person %05d,%s\n" % (i, e))
    return emails


def notices(out, slug, people):
    """A notice due to each of PEOPLE: a no-show at the one session."""
    cohort_file(out, slug, "Notices bench")
    emails = people_file(out, slug, int(people))
    open(f"{out}/sessions.csv", "w").write("number,start\n1,2026-11-16 09:00\n")
    with open(f"{out}/att.csv", "w") as f:
        f.write("session,email,status\n")
        for e in emails:
            f.write(f"1,{e},no-show\n")


def tell(out, slug, people, sessions):
    """PEOPLE expected at SESSIONS to come: an invitation each, with invitations on."""
    cohort_file(out, slug, "Tell bench")
    people_file(out, slug, int(people))
    day0 = datetime.date(2026, 12, 1)
    with open(f"{out}/sessions.csv", "w") as f:
        f.write("number,start,title\n")
        for j in range(int(sessions)):
            f.write("%d,%s 09:00,Session %d\n" % (j + 1, day0 + datetime.timedelta(days=j), j + 1))


def meeting(out, slug, rows, people=2000, guests="yes"):
    """A Zoom export of ROWS rows at one session: PEOPLE rejoining, and as many guests
    (or none, GUESTS "no")."""
    rows, people = int(rows), int(people)
    cycle = 2 * people if guests == "yes" else people
    cohort_file(out, slug, "Meeting bench")
    emails = people_file(out, slug, people)
    open(f"{out}/sessions.csv", "w").write("number,start,minutes\n1,2026-11-16 09:00,120\n")
    with open(f"{out}/zoom.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(["Name (Original Name)", "User Email", "Join Time", "Leave Time",
                    "Duration (Minutes)", "Guest"])
        for i in range(rows):
            p = i % cycle
            m = (i // cycle) % 100
            who = ("Zoë Person %05d" % p, emails[p]) if p < people else ("Guest %05d" % i, "")
            w.writerow([who[0], who[1], "11/16/2026 09:%02d:%02d AM" % (m // 2, m % 60),
                        "11/16/2026 09:%02d:%02d AM" % (m // 2 + 1, m % 60), 1,
                        "Yes" if not who[1] else "No"])


KINDS = {"notices": notices, "tell": tell, "meeting": meeting}

if __name__ == "__main__":
    if sys.argv[1] in KINDS:
        KINDS[sys.argv[1]](*sys.argv[2:])
    else:
        main()
