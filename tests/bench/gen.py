#!/usr/bin/python3
"""gen.py OUT PEOPLE SESSIONS [SLUG] - writes a large generated program for
`make bench` into the folder OUT (cohort SLUG, "bench" by default).

cohort.csv, participants.csv (P people), sessions.csv (S group sessions, one a
day at 09:00 Sydney time from 2024-01-01) and attendance.csv (P x S rows: a
realistic mix of statuses). Deterministic: the same arguments give the same files.
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


if __name__ == "__main__":
    main()
