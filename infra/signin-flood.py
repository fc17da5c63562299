#!/usr/bin/env python3
"""Posts N anonymous sign-ins, each with a fresh form and a user name of LEN characters: signin-flood.py URL N LEN."""
import http.client
import http.cookiejar
import re
import sys
import urllib.error
import urllib.parse
import urllib.request

http.client._MAXLINE = 10**8  # the portal used to echo the name into a redirect header
base, count, length = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect)
codes = {}
for i in range(count):
    page = opener.open(base + "/login").read().decode()
    token = re.search(r'name="__RequestVerificationToken"[^>]*value="([^"]+)"', page).group(1)
    form = {"__RequestVerificationToken": token, "userName": (str(i) + "x" * length)[:length], "password": "p", "returnUrl": "/"}
    try:
        code = opener.open(urllib.request.Request(base + "/account/login", data=urllib.parse.urlencode(form).encode())).status
    except urllib.error.HTTPError as e:
        code = e.code
    except (urllib.error.URLError, ConnectionError) as e:
        # The server may answer an over-long body early and close before the client has sent it all.
        code = "closed: " + type(getattr(e, "reason", e)).__name__
    codes[code] = codes.get(code, 0) + 1
print("answers:", codes)
