#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""browser.py URL LOGIN-LINK PARTICIPANT-LINK SHOTS-DIR - a phone's browser against showup serve.

Headless Chromium at 390x844 through Selenium: signs in from the printed link,
takes a whole roll call with the buttons, undoes an answer, marks everyone else
present after reading who (the database, $SHOWUP_DB, read before and after:
those and nothing else), adds a walk-in; then as a participant cancels one
session after the cutoff and one in time, reading the verdict before
confirming, and looks at moving one. On every page each thing to tap is
measured: 44 CSS pixels or more each way. A screenshot of each page goes to
SHOTS-DIR. Exits non-zero naming the first thing that is not as a person would
see it.
"""
import os
import sqlite3
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.support.ui import Select, WebDriverWait

url, login, mine, shots = sys.argv[1:5]
opts = webdriver.ChromeOptions()
for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=390,844",
          "--disable-dev-shm-usage"):
    opts.add_argument(a)
# a phone's screen: 390 CSS pixels wide (a desktop window is at least 500)
opts.add_experimental_option("mobileEmulation", {
    "deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 1}})
d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
d.set_page_load_timeout(10)
n = 0


def shot(name):
    global n
    n += 1
    d.save_screenshot(f"{shots}/{n:02d}-{name}.png")


def wait_for(holds, failure):
    """Waits (5 s at most) for the page after a click to make holds() true, else fails."""
    def check(_):
        try:
            return holds()
        except WebDriverException:	# stale, missing, or gone from the document mid-load
            return False
    try:
        WebDriverWait(d, 5).until(check)
    except TimeoutException:
        d.quit()
        sys.exit(f"browser: {failure}")


def found(by, what):
    """Returns the element once the page (perhaps still loading after a click) has it."""
    got = []
    wait_for(lambda: got.append(d.find_element(by, what)) is None, f"no element {what}")
    return got[-1]


def expect(text, what):
    wait_for(lambda: text in d.find_element(By.TAG_NAME, "body").text,
             f"{what}: the page does not say '{text}'")


def person(anchor):
    return found(By.ID, anchor)


def tap(anchor, label):
    person(anchor).find_element(By.XPATH, f".//button[normalize-space()='{label}']").click()


def folded(anchor):
    """Opens 'Late, excused' of one person."""
    person(anchor).find_element(By.TAG_NAME, "summary").click()


def fail(why):
    d.quit()
    sys.exit(f"browser: {why}")


# what a finger taps: links, buttons, fields, a folded part's heading, a choice's line
TAPPABLE = "a, button, select, textarea, summary, label.choice, input:not([type=hidden]):not([type=radio])"


def tap_targets(page):
    """Fails unless every visible thing to tap on the page is 44 CSS pixels or more each way."""
    sizes = d.execute_script(
        "return Array.from(document.querySelectorAll(arguments[0]))"
        ".map(e => [e.outerHTML.slice(0, 60), e.getBoundingClientRect().width,"
        " e.getBoundingClientRect().height])"
        ".filter(s => s[1] > 0 && s[2] > 0);", TAPPABLE)
    if not sizes:
        fail(f"{page}: nothing to tap")
    small = [s for s in sizes if s[1] < 44 or s[2] < 44]
    if small:
        fail(f"{page}: {small[0][0]} is {small[0][1]:.0f}x{small[0][2]:.0f} px, under 44")
    print(f"{page}: {len(sizes)} tap targets, the smallest {min(s[2] for s in sizes):.0f} px high")


def beside():
    """Fails unless each radio button sits on the line of its words, before them."""
    for label in d.find_elements(By.CSS_SELECTOR, "label.choice"):
        r = label.find_element(By.TAG_NAME, "input").rect
        t = label.find_element(By.TAG_NAME, "span").rect
        if abs((r["y"] + r["height"] / 2) - (t["y"] + t["height"] / 2)) > 8 or \
                r["x"] + r["width"] > t["x"]:
            fail(f"a radio button is not beside '{t}': {r} {label.text}")


def facts():
    """Every attendance row: (session number, email, fact, minutes late, reason)."""
    db = sqlite3.connect(f"file:{os.environ['SHOWUP_DB']}?mode=ro", uri=True)
    rows = set(db.execute(
        "SELECT s.number, p.email, a.fact, a.minutes_late, a.reason FROM attendance a"
        " JOIN session s ON s.id = a.session_id JOIN participant p ON p.id = a.participant_id"))
    db.close()
    return rows


def recorded(anchor, text):
    wait_for(lambda: person(anchor).find_element(By.CLASS_NAME, "record").text == text,
             f"{anchor} does not show '{text}'")


try:
    d.get(login)
    expect("Sign in on this phone", "the login link's landing page")
    d.find_element(By.TAG_NAME, "button").click()
    expect("Signed in", "the login link")
    shot("signed-in")
    d.find_element(By.LINK_TEXT, "Today's sessions").click()
    expect("Kickoff", "the week's sessions")
    expect("One to one · with Bo Berg", "the names of a 1:1 in the week's sessions")
    shot("sessions")
    tap_targets("the week's sessions")
    d.find_element(By.PARTIAL_LINK_TEXT, "Kickoff").click()
    shot("roll-call")
    wide = d.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
    if wide[0] > wide[1]:
        sys.exit(f"browser: the roll call is {wide[0]} px wide on a {wide[1]} px screen")
    tap("p2", "Present")
    recorded("p2", "present")
    folded("p1")
    person("p1").find_element(By.NAME, "minutes").send_keys("12")
    tap("p1", "Late")
    recorded("p1", "late 12 min")
    folded("p3")
    Select(person("p3").find_element(By.NAME, "reason")).select_by_visible_text("medical")
    tap("p3", "Excused")
    recorded("p3", "excused, medical")
    tap("p2", "Undo")
    recorded("p2", "not recorded yet")
    tap_targets("the roll call")
    height = d.execute_script("return document.documentElement.scrollHeight")
    cards = len(d.find_elements(By.CSS_SELECTOR, "section.person"))
    print(f"the roll call of {cards}: {height} px high, {height / cards:.0f} px a card")
    if height > cards * 110 + 500:
        fail(f"the roll call of {cards} is {height} px high")
    colour = person("p1").value_of_css_property("background-color")
    if colour == person("p2").value_of_css_property("background-color"):
        fail("a marked card looks like an unmarked one")

    # everyone else present: the confirmation names who, and marks them and nothing else
    unmarked = d.execute_script(
        "return Array.from(document.querySelectorAll('section.person'))"
        ".filter(s => s.querySelector('.record').textContent == 'not recorded yet')"
        ".map(s => s.querySelector('h2').textContent)")
    before = facts()
    found(By.LINK_TEXT, "Everyone else present").click()
    expect("they will be marked present", "the confirmation of everyone else present")
    shot("everyone-else")
    tap_targets("the confirmation")
    named = [li.text for li in d.find_elements(By.CSS_SELECTOR, "ul.list li")]
    if sorted(named) != sorted(unmarked) or "Bo Berg" not in named:
        fail(f"the confirmation names {named}, not the unmarked {unmarked}")
    if facts() != before:
        fail("the confirmation page changed the record")
    d.find_element(By.XPATH, "//button[starts-with(normalize-space(), 'Mark th')]").click()
    recorded("p2", "present")
    after = facts()
    db = sqlite3.connect(f"file:{os.environ['SHOWUP_DB']}?mode=ro", uri=True)
    emails = dict(db.execute("SELECT name, email FROM participant"))
    db.close()
    want = before | {(1, emails[n], "arrived", 0, "") for n in unmarked}
    if after != want:
        fail(f"everyone else present recorded {sorted(after - before)}"
             f" and took away {sorted(before - after)}")
    print(f"everyone else present: {len(after - before)} marked, the rest unchanged")
    tap("p2", "Undo")
    recorded("p2", "not recorded yet")
    tap("p2", "No-show")
    recorded("p2", "no-show")
    shot("roll-call-taken")
    d.get(url + "/s/c1/4")
    Select(d.find_element(By.CSS_SELECTOR, "select[name=email]")).select_by_visible_text("Cy Walker")
    d.find_element(By.XPATH, "//button[normalize-space()='Add as present']").click()
    recorded("p3", "present")
    shot("walk-in")

    d.get(mine)
    expect("Early call", "the participant's sessions")
    shot("participant")
    tap_targets("the participant's page")
    found(By.XPATH, "//li[contains(., 'One to one')]//a[normalize-space()='Move to another time']").click()
    expect("Move my place to", "the move page")
    shot("move")
    beside()
    tap_targets("the move page")
    d.find_element(By.LINK_TEXT, "Keep my place").click()
    found(By.XPATH, "//li[contains(., 'Early call')]//a[normalize-space()='Cancel my place']").click()
    expect("This is after the cutoff", "the verdict after the cutoff")
    shot("cancel-late")
    tap_targets("the cancel page")
    Select(d.find_element(By.NAME, "reason")).select_by_visible_text("work")
    d.find_element(By.XPATH, "//button[normalize-space()='Cancel my place']").click()
    expect("Your coach has your cancellation.", "a late cancellation")
    shot("cancelled-late")
    d.find_element(By.LINK_TEXT, "Your sessions").click()
    found(By.XPATH, "//li[contains(., 'One to one')]//a[normalize-space()='Cancel my place']").click()
    expect("This is in time", "the verdict in time")
    shot("cancel-in-time")
    Select(d.find_element(By.NAME, "reason")).select_by_visible_text("travel")
    d.find_element(By.NAME, "note").send_keys("flight moved")
    d.find_element(By.XPATH, "//button[normalize-space()='Cancel my place']").click()
    expect("Your coach has your cancellation.", "a cancellation in time")
    shot("cancelled-in-time")
    tap_targets("the page after cancelling")
    d.find_element(By.LINK_TEXT, "Your sessions").click()
    expect("cancelled in time, Sun 22 Nov, travel; flight moved", "the cancellation in words")
    d.get(mine + "/cancel/4")
    expect("write to your coach, Cora Coach, at cora@example.com", "the page after a start")
    shot("started")
    tap_targets("the page after a start")
finally:
    d.quit()
