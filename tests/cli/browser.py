#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""browser.py URL LOGIN-LINK PARTICIPANT-LINK SHOTS-DIR - a phone's browser against showup serve.

Headless Chromium at 390x844 through Selenium: signs in from the printed link,
takes a whole roll call with the buttons, undoes an answer, adds a walk-in; then
as a participant cancels one session after the cutoff and one in time, reading
the verdict before confirming. A screenshot of each page goes to SHOTS-DIR.
Exits non-zero naming the first thing that is not as a person would see it.
"""
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
    """Opens 'Late or excused' of one person."""
    person(anchor).find_element(By.TAG_NAME, "summary").click()


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
    shot("sessions")
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
    recorded("p3", "excused (medical)")
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
    found(By.XPATH, "//li[contains(., 'Early call')]/a").click()
    expect("This is after the cutoff", "the verdict after the cutoff")
    shot("cancel-late")
    Select(d.find_element(By.NAME, "reason")).select_by_visible_text("work")
    d.find_element(By.XPATH, "//button[normalize-space()='Cancel my place']").click()
    expect("Your coach has your cancellation.", "a late cancellation")
    shot("cancelled-late")
    d.find_element(By.LINK_TEXT, "Your sessions").click()
    found(By.XPATH, "//li[contains(., 'One to one')]/a").click()
    expect("This is in time", "the verdict in time")
    shot("cancel-in-time")
    Select(d.find_element(By.NAME, "reason")).select_by_visible_text("travel")
    d.find_element(By.NAME, "note").send_keys("flight moved")
    d.find_element(By.XPATH, "//button[normalize-space()='Cancel my place']").click()
    expect("Your coach has your cancellation.", "a cancellation in time")
    shot("cancelled-in-time")
finally:
    d.quit()
