#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""smtpd.py DIR [--starttls | --smtps] [--cert PEM --key PEM] [--discard] - a real SMTP server on
loopback for the tests, with aiosmtpd.

Writes its port to DIR/port once it listens, each message it takes to DIR/mail-N.eml,
and a line per event to DIR/log. Recipients choose the answer: an address starting
with 'tempfail' gets 451, 'reject' gets 550, 'drop' gets 421; for 'slow' the server
holds the message until the test creates DIR/release (at most 60 seconds), so no
fixed wait decides what a test sees, and logs SLOW-END when it is done with it. With a file DIR/users of 'user:password'
lines it requires AUTH and refuses anyone else with 535. Stops on SIGTERM, or by
itself after $SMTPD_SECONDS (120) seconds.

With --starttls it offers STARTTLS and takes no mail before it; with --smtps it speaks
TLS from the first byte (smtps://). Both present the certificate chain --cert (the
server's first) with its key --key.

With --discard (for the benchmarks) it keeps no message and logs nothing: it writes
only how many it took, to DIR/count when it stops."""
import argparse
import asyncio
import os
import signal
import socket
import ssl
import sys
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


def parse_args():
    p = argparse.ArgumentParser(description="a loopback SMTP server for the tests")
    p.add_argument("dir")
    tls = p.add_mutually_exclusive_group()
    tls.add_argument("--starttls", action="store_true", help="require STARTTLS")
    tls.add_argument("--smtps", action="store_true", help="TLS from the first byte")
    p.add_argument("--cert", help="the server's certificate chain (PEM)")
    p.add_argument("--key", help="the certificate's private key (PEM)")
    p.add_argument("--discard", action="store_true", help="keep no message, only a count")
    a = p.parse_args()
    if (a.starttls or a.smtps) != bool(a.cert and a.key):
        p.error("--starttls and --smtps need --cert and --key, and only they")
    return a


ARGS = parse_args()
DIR = ARGS.dir


def log(line):
    if ARGS.discard:
        return
    with open(os.path.join(DIR, "log"), "a") as f:
        f.write(line + "\n")


class Handler:
    count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@")[0]
        log("RCPT " + address)
        if local.startswith("tempfail"):
            return "451 4.3.0 try again later"
        if local.startswith("reject"):
            return "550 5.1.1 no such mailbox"
        if local.startswith("drop"):
            return "421 4.3.2 closing the connection"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if any(r.split("@")[0].startswith("slow") for r in envelope.rcpt_tos):
            log("SLOW " + envelope.rcpt_tos[0])
            release = os.path.join(DIR, "release")
            end = time.time() + 60
            try:
                while not os.path.exists(release) and time.time() < end:
                    await asyncio.sleep(0.05)
            finally:    # also when the client went away and aiosmtpd cancels the wait
                log("SLOW-END " + envelope.rcpt_tos[0])
        Handler.count += 1
        if ARGS.discard:
            return "250 2.0.0 OK queued as Q%d" % Handler.count
        path = os.path.join(DIR, "mail-%d.eml" % Handler.count)
        with open(path, "wb") as f:
            f.write(envelope.original_content)
        log("DATA %s %s" % (envelope.mail_from, " ".join(envelope.rcpt_tos)))
        return "250 2.0.0 OK queued as Q%d" % Handler.count


def authenticator(users):
    def check(server, session, envelope, mechanism, auth_data):
        ok = (auth_data.login.decode(), auth_data.password.decode()) in users
        log("AUTH %s %s" % (auth_data.login.decode(), "ok" if ok else "refused"))
        return AuthResult(success=ok, handled=False)
    return check


def tls_options(args):
    """The Controller's keywords for the TLS that args ask for (none by default)."""
    if not (args.starttls or args.smtps):
        return {}
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(args.cert, args.key)
    if args.smtps:
        return dict(ssl_context=ctx)
    return dict(tls_context=ctx, require_starttls=True)


def main():
    users_file = os.path.join(DIR, "users")
    users = set()
    if os.path.exists(users_file):
        for line in open(users_file):
            u, _, p = line.strip().partition(":")
            users.add((u, p))
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    kw = {}
    if users:
        kw = dict(auth_required=True, auth_require_tls=False,
                  authenticator=authenticator(users))
    kw.update(tls_options(ARGS))
    controller = Controller(Handler(), hostname="127.0.0.1", port=port, **kw)
    controller.start()
    with open(os.path.join(DIR, "port.tmp"), "w") as f:
        f.write(str(port))
    os.rename(os.path.join(DIR, "port.tmp"), os.path.join(DIR, "port"))
    signal.signal(signal.SIGTERM, lambda *a: (stop(controller), sys.exit(0)))
    end = time.time() + float(os.environ.get("SMTPD_SECONDS", "120"))
    while time.time() < end:
        time.sleep(0.2)
    stop(controller)


def stop(controller):
    """Stops the server; with --discard, writes how many messages it took."""
    controller.stop()
    if ARGS.discard:
        with open(os.path.join(DIR, "count"), "w") as f:
            f.write("%d\n" % Handler.count)


main()
