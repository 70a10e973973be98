"""Online identifiers and credentials: IP_ADDRESS, URL, USERNAME, PASSWORD and SECRET.

Each sampler draws only from the seeded ``faker`` and the ``rng`` it is given. Each type's record
(:class:`~piilora.entities.base.EntityGenerator`) is written out once, at the end.
"""

from __future__ import annotations

import base64
import ipaddress
import json
import random
import string
from typing import TYPE_CHECKING

from piilora.entities.base import EntityGenerator, RuleDetector
from piilora.entities.builtin.common import (
    ALNUM,
    B64URL,
    DIGITS,
    HEX,
    LOWER,
    UPPER,
    UPPER_ALNUM,
    b64url,
    clean,
    contexts,
    given_name,
    pick,
    random_chars,
    random_digits,
    read_json,
    slug,
    to_ascii,
    weighted,
)
from piilora.safety.parsers import word_tuple
from piilora.safety.rules import find_ips, find_secrets
from piilora.safety.shapes import ip_shape, password_shape, secret_shape, url_shape, username_shape

if TYPE_CHECKING:
    from faker import Faker

__all__ = ["IP_ADDRESS", "PASSWORD", "SECRET", "URL", "USERNAME"]


#: Word lists (``online.json``): handle words, password words (also in URL paths), local password words.
_WORDS = read_json("online.json")
_HANDLE_WORDS: tuple[str, ...] = tuple(_WORDS["handle_words"])
_PW_WORDS: tuple[str, ...] = tuple(_WORDS["password_words"])
_PW_LOCAL_WORDS: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in _WORDS["password_local_words"].items()}


# --------------------------------------------------------------------------- IP_ADDRESS


def _ipv4(rng: random.Random) -> str:
    kind = weighted(rng, (("public", 50), ("10", 15), ("192", 20), ("172", 10), ("cgnat", 3), ("loop", 2)))
    if kind == "10":
        return f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    if kind == "192":
        return f"192.168.{pick(rng, (0, 1, 1, 2, 10, 100, 178, rng.randint(0, 255)))}.{rng.randint(1, 254)}"
    if kind == "172":
        return f"172.{rng.randint(16, 31)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    if kind == "cgnat":
        return f"100.{rng.randint(64, 127)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    if kind == "loop":
        return f"127.0.{pick(rng, (0, 0, 1))}.{pick(rng, (1, 1, 53, rng.randint(2, 254)))}"
    while True:
        addr = ipaddress.IPv4Address(rng.getrandbits(32))
        if addr.is_global and not addr.is_multicast and str(addr).split(".")[-1] not in ("0", "255"):
            return str(addr)


def _ipv6_address(rng: random.Random) -> ipaddress.IPv6Address:
    kind = weighted(rng, (("global", 55), ("doc", 10), ("link", 15), ("ula", 12), ("short", 8)))
    hextets = [rng.getrandbits(16) for _ in range(8)]
    if kind == "global":
        hextets[0] = pick(rng, (0x2001, 0x2A00, 0x2A02, 0x2600, 0x2604, 0x2607, 0x2A01, 0x2C0F, 0x2400))
        if rng.random() < 0.5:  # a /64 with zero runs, as assigned prefixes often have
            hextets[2 + rng.randint(0, 1)] = 0
            hextets[4:6] = [0, 0]
    elif kind == "doc":
        hextets[0:2] = [0x2001, 0x0DB8]
        if rng.random() < 0.6:
            hextets[3:7] = [0, 0, 0, 0]
    elif kind == "link":
        hextets[0:4] = [0xFE80, 0, 0, 0]
    elif kind == "ula":
        hextets[0] = 0xFD00 | rng.getrandbits(8)
        if rng.random() < 0.5:
            hextets[4:7] = [0, 0, 0]
            hextets[7] = rng.randint(1, 255)
    else:
        hextets = [hextets[0] & 0x3FFF | 0x2000, rng.getrandbits(16), 0, 0, 0, 0, 0, rng.randint(1, 0xFF)]
    return ipaddress.IPv6Address(sum(h << (16 * (7 - i)) for i, h in enumerate(hextets)))


def _ipv6(rng: random.Random) -> str:
    if rng.random() < 0.04:
        return f"::ffff:{_ipv4(rng)}"
    addr = _ipv6_address(rng)
    style = weighted(rng, (("compressed", 70), ("exploded", 15), ("upper", 8), ("zone", 3), ("nolead", 4)))
    if style == "exploded":
        return addr.exploded
    if style == "upper":
        return str(addr).upper()
    if style == "zone" and addr.is_link_local:
        return f"{addr}%{pick(rng, ('eth0', 'en0', 'wlan0', '2'))}"
    if style == "nolead":  # uncompressed but without leading zeros: 2001:db8:0:0:1:0:0:1
        return ":".join(f"{int(h, 16):x}" for h in addr.exploded.split(":"))
    return str(addr)


def _sample_ip(faker: Faker, rng: random.Random, locale: str) -> str:
    return _ipv4(rng) if rng.random() < 0.62 else _ipv6(rng)


# --------------------------------------------------------------------------- URL


def _sample_url(faker: Faker, rng: random.Random, locale: str) -> str:
    female = rng.random() < 0.5
    first, last = slug(given_name(faker, female)), slug(faker.last_name())
    first = first or "jane"
    last = last or "doe"
    domain = to_ascii(faker.domain_name()).lower()
    uid = str(rng.randint(100, 9_999_999))
    token = b64url(rng.randbytes(rng.choice((18, 24, 32))))
    short = random_chars(rng, LOWER + DIGITS, rng.randint(4, 8))
    scheme = "https" if rng.random() < 0.9 else "http"
    www = "www." if rng.random() < 0.4 else ""
    style = weighted(
        rng,
        (
            ("linkedin", 12),
            ("github", 8),
            ("social", 12),
            ("personal", 12),
            ("users_id", 12),
            ("reset", 8),
            ("profile_query", 8),
            ("calendly", 4),
            ("docs", 5),
            ("account", 6),
            ("medium", 4),
            ("tilde", 3),
            ("unsubscribe", 6),
        ),
    )
    if style == "linkedin":
        tail = f"-{random_chars(rng, LOWER + DIGITS, rng.choice((4, 6, 8)))}" if rng.random() < 0.6 else ""
        cc = pick(rng, ("www", "www", "de", "uk", "fr", "es", "it", "nl"))
        return f"https://{cc}.linkedin.com/in/{first}-{last}{tail}{pick(rng, ('', '/'))}"
    if style == "github":
        handle = pick(rng, (f"{first}{last}", f"{first[0]}{last}", f"{first}-{last}", f"{last}{rng.randint(1, 99)}"))
        path = pick(rng, ("", "", f"/{pick(rng, ('dotfiles', 'blog', 'notes', 'homelab'))}", "?tab=repositories"))
        return f"https://github.com/{handle}{path}"
    if style == "social":
        handle = pick(rng, (f"{first}_{last}", f"{first}.{last}", f"{first}{last}{rng.randint(1, 99)}"))
        site = pick(
            rng,
            (
                f"https://twitter.com/{handle.replace('.', '_')}",
                f"https://x.com/{handle.replace('.', '_')}",
                f"https://www.instagram.com/{handle}/",
                f"https://www.facebook.com/{first}.{last}.{rng.randint(1, 99)}",
                f"https://mastodon.social/@{handle.replace('.', '_')}",
                f"https://www.tiktok.com/@{handle}",
                f"https://bsky.app/profile/{first}{last}.bsky.social",
            ),
        )
        return site
    if style == "personal":
        tld = pick(rng, ("com", "dev", "net", "me", "io", "name", "de", "co.uk", "fr", "es", "it", "nl"))
        host = pick(rng, (f"{first}{last}", f"{first}-{last}", f"{last}", f"{first}.{last}"))
        path = pick(rng, ("", "", "/", "/about", "/blog", "/cv.pdf", "/contact", "/portfolio"))
        return f"{scheme}://{www}{host}.{tld}{path}"
    if style == "users_id":
        seg = pick(rng, ("users", "user", "u", "members", "profile", "people", "employees", "customers"))
        query = pick(
            rng, ("", "", f"?token={token}", f"?ref=email&uid={uid}", f"?session={random_chars(rng, HEX, 24)}")
        )
        return f"{scheme}://{www}{domain}/{seg}/{uid}{query}"
    if style == "reset":
        email = f"{first}.{last}%40{pick(rng, ('gmail.com', 'outlook.com', domain))}"
        path = pick(rng, ("reset-password", "password/reset", "auth/verify", "confirm-email", "magic-link"))
        host = pick(rng, ("accounts.", "auth.", "app.", "")) + domain
        return f"https://{host}/{path}?token={token}&email={email}"
    if style == "profile_query":
        host = pick(rng, ("app.", "portal.", "my.", "")) + domain
        return f"https://{host}/profile?id={uid}&name={first}-{last}"
    if style == "calendly":
        return f"https://calendly.com/{first}-{last}/{pick(rng, ('30min', '15min', 'intro-call', 'meeting'))}"
    if style == "docs":
        doc_id = random_chars(rng, B64URL, 44)
        kind = pick(rng, ("document", "spreadsheets", "presentation"))
        return f"https://docs.google.com/{kind}/d/{doc_id}/edit{pick(rng, ('', '?usp=sharing'))}"
    if style == "account":
        section = pick(rng, ("statements", "orders", "settings", "invoices", "claims"))
        return f"https://{pick(rng, ('portal.', 'secure.', 'online.'))}{domain}/account/{uid}/{section}"
    if style == "medium":
        return f"https://medium.com/@{first}{last}/{pick(rng, _PW_WORDS)}-{pick(rng, _PW_WORDS)}-{short}"
    if style == "tilde":
        return f"{scheme}://{pick(rng, ('www.', 'people.', 'cs.'))}{domain}/~{first[0]}{last}/"
    return f"https://{domain}/unsubscribe?u={uid}&e={first}.{last}%40{pick(rng, ('gmail.com', domain))}"


# --------------------------------------------------------------------------- USERNAME


def _sample_username(faker: Faker, rng: random.Random, locale: str) -> str:
    female = rng.random() < 0.5
    f, la = slug(given_name(faker, female)), slug(faker.last_name())
    fi = f[:1] or "j"
    num = pick(rng, (str(rng.randint(1, 99)), str(rng.randint(60, 99)), str(rng.randint(1970, 2012)), ""))
    style = weighted(
        rng,
        (
            ("flast##", 14),
            ("first.last", 12),
            ("first_last", 9),
            ("f-last", 5),
            ("firstlast", 6),
            ("first##", 10),
            ("FirstLast", 5),
            ("last.first", 4),
            ("first_l", 4),
            ("word", 10),
            ("faker", 12),
            ("gamer", 3),
            ("upper", 2),
            ("adm", 4),
        ),
    )
    if style == "flast##":
        handle = f"{fi}{la}{num}"
    elif style == "first.last":
        handle = f"{f}.{la}"
    elif style == "first_last":
        handle = f"{f}_{la}{num if rng.random() < 0.3 else ''}"
    elif style == "f-last":
        handle = f"{fi}-{la}"
    elif style == "firstlast":
        handle = f"{f}{la}"
    elif style == "first##":
        handle = f"{f}{num or rng.randint(1, 999)}"
    elif style == "FirstLast":
        handle = f"{f.capitalize()}{la.capitalize()}{num if rng.random() < 0.4 else ''}"
    elif style == "last.first":
        handle = f"{la}.{f}"
    elif style == "first_l":
        handle = f"{f}_{la[:1]}"
    elif style == "word":
        sep = pick(rng, ("_", "", "."))
        handle = f"{pick(rng, _HANDLE_WORDS)}{sep}{pick(rng, (f, la, *_HANDLE_WORDS))}{num}"
    elif style == "gamer":
        handle = f"xX_{f}{num}_Xx"
    elif style == "upper":
        handle = f"{fi.upper()}{la.upper()}{num}"
    elif style == "adm":  # corporate login ids
        handle = pick(rng, (f"{la[:6]}{fi}", f"{fi}{la[:7]}{rng.randint(1, 9)}", f"u{random_digits(rng, 6)}"))
    else:
        handle = slug(faker.user_name(), "_") or f"{f}{la}"
    handle = handle.strip("._-") or f"{f}{la}"
    return f"@{handle}" if rng.random() < 0.15 else handle


# --------------------------------------------------------------------------- PASSWORD

_SYMBOLS = "!@#$%&*?_-.+="
_LEET = str.maketrans({"a": "@", "o": "0", "e": "3", "i": "1", "s": "$"})


def _sample_password(faker: Faker, rng: random.Random, locale: str) -> str:
    words = _PW_WORDS + _PW_LOCAL_WORDS.get(locale, ())
    year = str(rng.randint(1975, 2025))
    sym = rng.choice(_SYMBOLS[:8])
    style = weighted(
        rng,
        (
            ("word_year_sym", 18),
            ("passphrase", 14),
            ("random", 18),
            ("faker", 10),
            ("leet", 8),
            ("name_year", 10),
            ("camel_words", 7),
            ("keyboard", 4),
            ("hex", 3),
            ("pin_mix", 4),
            ("sym_sandwich", 4),
        ),
    )
    if style == "word_year_sym":
        return f"{pick(rng, words).capitalize()}{pick(rng, (year, year[2:]))}{sym}"
    if style == "passphrase":
        sep = pick(rng, ("-", "-", "_", ".", " ", ""))
        chosen = [pick(rng, _PW_WORDS) for _ in range(rng.randint(3, 5))]
        if sep == "":
            chosen = [w.capitalize() for w in chosen]
        phrase = sep.join(chosen)
        return phrase + (str(rng.randint(1, 99)) if rng.random() < 0.3 else "")
    if style == "random":
        length = rng.randint(10, 24)
        pw = [rng.choice(LOWER), rng.choice(UPPER), rng.choice(DIGITS), rng.choice(_SYMBOLS)]
        pw += [rng.choice(ALNUM + _SYMBOLS) for _ in range(length - 4)]
        rng.shuffle(pw)
        return "".join(pw)
    if style == "faker":
        return faker.password(length=rng.randint(8, 20), special_chars=rng.random() < 0.8)
    if style == "leet":
        return f"{pick(rng, words).capitalize().translate(_LEET)}{rng.randint(1, 999)}{sym}"
    if style == "name_year":
        name = to_ascii(given_name(faker, rng.random() < 0.5)).replace(" ", "")
        tail = pick(rng, (year, year[2:], "123", str(rng.randint(1, 31)).zfill(2)))
        return f"{name}{tail}{sym * rng.randint(0, 2)}"
    if style == "camel_words":
        return "".join(pick(rng, words).capitalize() for _ in range(2)) + str(rng.randint(0, 9999)) + sym
    if style == "keyboard":
        return pick(rng, ("Qwerty", "qwertz", "Asdf", "1q2w3e4r", "Zxcvbn", "Qazwsx")) + pick(
            rng, ("123!", "!!", "2024", "#1", "$$", year)
        )
    if style == "hex":
        return random_chars(rng, HEX, rng.choice((16, 20, 32)))
    if style == "pin_mix":
        return f"{pick(rng, words)}{random_digits(rng, rng.randint(4, 6))}"
    return f"{sym}{pick(rng, words).capitalize()}{rng.randint(10, 99)}{sym}"


# --------------------------------------------------------------------------- SECRET


def _jwt(faker: Faker, rng: random.Random) -> str:
    alg = pick(rng, ("HS256", "RS256", "ES256", "HS512"))
    header: dict[str, str] = {"alg": alg, "typ": "JWT"}
    if alg != "HS256" and rng.random() < 0.6:
        header["kid"] = random_chars(rng, HEX, 16)
    iat = rng.randint(1_500_000_000, 1_750_000_000)
    payload: dict[str, object] = {"sub": str(rng.randint(1000, 99_999_999)), "iat": iat}
    if rng.random() < 0.5:
        payload["name"] = to_ascii(faker.name())
    if rng.random() < 0.5:
        payload["email"] = faker.free_email()
    if rng.random() < 0.7:
        payload["exp"] = iat + pick(rng, (900, 3600, 86_400))
    if rng.random() < 0.4:
        payload["scope"] = pick(rng, ("read write", "admin", "openid profile email"))
    sig_len = {"HS256": 32, "HS512": 64, "ES256": 64, "RS256": 256}[alg]
    parts = (
        b64url(json.dumps(header, separators=(",", ":")).encode()),
        b64url(json.dumps(payload, separators=(",", ":")).encode()),
        b64url(rng.randbytes(sig_len)),
    )
    return ".".join(parts)


def _sample_secret(faker: Faker, rng: random.Random, locale: str) -> str:
    b32 = UPPER + "234567"
    style = weighted(
        rng,
        (
            ("aws_id", 10),
            ("aws_secret", 6),
            ("github", 9),
            ("github_pat", 3),
            ("slack", 7),
            ("stripe", 7),
            ("jwt", 12),
            ("bearer", 8),
            ("hex", 8),
            ("base64", 6),
            ("openai", 7),
            ("google", 5),
            ("sendgrid", 3),
            ("twilio", 2),
            ("gitlab", 3),
            ("hf", 3),
            ("npm", 2),
            ("private_key", 3),
        ),
    )
    if style == "aws_id":
        return pick(rng, ("AKIA", "AKIA", "ASIA")) + random_chars(rng, b32, 16)
    if style == "aws_secret":
        return random_chars(rng, ALNUM + "/+", 40)
    if style == "github":
        return pick(rng, ("ghp_", "ghp_", "gho_", "ghs_", "ghu_")) + random_chars(rng, ALNUM, 36)
    if style == "github_pat":
        return f"github_pat_11{random_chars(rng, UPPER_ALNUM, 20)}_{random_chars(rng, ALNUM, 59)}"
    if style == "slack":
        kind = pick(rng, ("xoxb", "xoxb", "xoxp", "xoxa", "xoxs"))
        team, user = random_digits(rng, rng.randint(10, 13)), random_digits(rng, rng.randint(10, 13))
        return f"{kind}-{team}-{user}-{random_chars(rng, ALNUM, 24)}"
    if style == "stripe":
        prefix = pick(rng, ("sk_live_", "sk_live_", "rk_live_", "sk_test_", "whsec_"))
        return prefix + random_chars(rng, ALNUM, pick(rng, (24, 32, 99)))
    if style == "jwt":
        return _jwt(faker, rng)
    if style == "bearer":
        return random_chars(rng, B64URL, rng.randint(32, 64))
    if style == "hex":
        return random_chars(rng, HEX, pick(rng, (32, 40, 48, 64)))
    if style == "base64":
        raw = base64.b64encode(rng.randbytes(pick(rng, (24, 32, 48)))).decode("ascii")
        return raw
    if style == "openai":
        if rng.random() < 0.5:
            return "sk-" + random_chars(rng, ALNUM, 48)
        return "sk-proj-" + random_chars(rng, B64URL, 80) + "T3BlbkFJ" + random_chars(rng, B64URL, 40)
    if style == "google":
        return "AIza" + random_chars(rng, B64URL, 35)
    if style == "sendgrid":
        return f"SG.{random_chars(rng, B64URL, 22)}.{random_chars(rng, B64URL, 43)}"
    if style == "twilio":
        return pick(rng, ("SK", "AC")) + random_chars(rng, HEX, 32)
    if style == "gitlab":
        return "glpat-" + random_chars(rng, B64URL, 20)
    if style == "hf":
        return "hf_" + random_chars(rng, string.ascii_letters, 34)
    if style == "npm":
        return "npm_" + random_chars(rng, ALNUM, 36)
    kind = pick(rng, ("RSA PRIVATE KEY", "PRIVATE KEY", "OPENSSH PRIVATE KEY", "EC PRIVATE KEY"))
    body = base64.b64encode(rng.randbytes(rng.randint(48, 120))).decode("ascii")
    return f"-----BEGIN {kind}-----{pick(rng, ('', ' '))}{body}{pick(rng, ('', ' '))}-----END {kind}-----"


# --------------------------------------------------------------------------- records

IP_ADDRESS = EntityGenerator(
    entity_type="IP_ADDRESS",
    sample=clean(_sample_ip),
    contexts=contexts("IP_ADDRESS"),
    description="An IPv4 or IPv6 address, public or private.",
    shape=ip_shape,
    field_names=word_tuple("ip ip_address ip_addr ipv4 ipv6 remote_addr client_ip"),
    cues=("ip", "host"),
    rule=RuleDetector(find_ips, verified=True),
)

URL = EntityGenerator(
    entity_type="URL",
    sample=clean(_sample_url),
    contexts=contexts("URL"),
    description="A URL that identifies a person: profile, personal site, link with user ids or tokens.",
    shape=url_shape,
    field_names=word_tuple("url website homepage profile_url"),
    cues=(),  # a URL announces itself (``https://``, ``www.``): no cue word
)

USERNAME = EntityGenerator(
    entity_type="USERNAME",
    sample=clean(_sample_username),
    contexts=contexts("USERNAME"),
    description="An online handle or login name.",
    shape=username_shape,
    field_names=word_tuple(
        "username user_name user login user_login handle screen_name nickname created_by updated_by "
        "benutzer benutzername"
    ),
    cues=("user", "login", "handle", "username", "account name"),
)

PASSWORD = EntityGenerator(
    entity_type="PASSWORD",
    sample=clean(_sample_password),
    contexts=contexts("PASSWORD"),
    description="A password or passphrase as people write them down.",
    shape=password_shape,
    field_names=word_tuple("password passwd pwd pass temp_password initial_password passwort mot_de_passe contraseña"),
    cues=("password", "passwd", "pwd", "pass", "passwort", "mot de passe", "contraseña"),
)

SECRET = EntityGenerator(
    entity_type="SECRET",
    sample=clean(_sample_secret),
    contexts=contexts("SECRET"),
    description="An API key, access token, JWT or private key string.",
    shape=secret_shape,
    field_names=word_tuple(
        "api_key apikey secret secret_key token access_token auth_token api_token secret_token "
        "client_secret private_key"
    ),
    cues=("key", "token", "secret", "bearer", "api", "credential"),
    rule=RuleDetector(find_secrets, verified=True),  # vendor prefixes and JWTs: a syntax check
)
