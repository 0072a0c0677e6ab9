"""Settings, read from the environment in one place."""

import ipaddress
import os
import re
from pathlib import Path

DEFAULT_SECRET = "dev-only-not-secret"  # noqa: S105 - refused in production below

# OWASP's scrypt floor (N=2^17, r=8, p=1); werkzeug takes the parameters in the method.
STRONG_PASSWORD_HASH = "scrypt:131072:8:1"  # noqa: S105 - a method name, not a secret


class Config:
    def __init__(self, instance_path: str):
        env = os.environ
        self.HANDBOOK_ENV = env.get("HANDBOOK_ENV", "development")
        self.SECRET_KEY = env.get("SECRET_KEY", DEFAULT_SECRET)
        default_db = "sqlite:///" + str(Path(instance_path) / "handbook.sqlite3")
        self.SQLALCHEMY_DATABASE_URI = normalise_db_url(env.get("DATABASE_URL") or default_db)
        self.RATELIMIT_STORAGE_URI = env.get("RATELIMIT_STORAGE_URI", "memory://")
        # Redis down must not take the app down: limits count in each process meanwhile, and
        # Redis is tried again (after 1, 2, 4 … seconds) until it answers.
        self.RATELIMIT_IN_MEMORY_FALLBACK_ENABLED = True
        self.RATELIMIT_SWALLOW_ERRORS = True
        # Set on each application server, to know which one answered (the X-Node header).
        self.NODE_NAME = env.get("NODE_NAME", "")
        self.RATELIMIT_HEADERS_ENABLED = False
        self.PROXY_COUNT = int(env.get("PROXY_COUNT", "0"))
        self.PASSWORD_HASH_METHOD = STRONG_PASSWORD_HASH
        # Idle and absolute session lifetimes, in minutes.
        self.SESSION_IDLE_MINUTES = int(env.get("SESSION_IDLE_MINUTES", "120"))
        # How long a worker may read pages on its copy of a login session and its member's roles
        # before asking the database again (handbook/auth/sessioncache.py); 0 asks every time.
        # A session or role ended on another server stops reading pages within this time.
        self.SESSION_CACHE_SECONDS = float(env.get("SESSION_CACHE_SECONDS", "30"))
        self.SESSION_MAX_MINUTES = int(env.get("SESSION_MAX_MINUTES", str(60 * 24 * 14)))
        self.MAX_CONTENT_LENGTH = int(env.get("MAX_UPLOAD_MB", "20")) * 1024 * 1024
        self.WTF_CSRF_TIME_LIMIT = None  # a meeting can last hours; the session bounds the token
        self.SESSION_COOKIE_HTTPONLY = True
        self.SESSION_COOKIE_SAMESITE = "Lax"
        self.SESSION_COOKIE_NAME = "sotay_session"
        self.SESSION_COOKIE_SECURE = self.is_production
        # Timeouts are kept on the server (LoginSession), so the cookie is set at login only:
        # no Set-Cookie on every page and static file, nothing re-signed per request.
        self.SESSION_REFRESH_EACH_REQUEST = False
        self.SEND_FILE_MAX_AGE_DEFAULT = 60 * 60 * 24 * 365  # static URLs carry a content hash
        # Operations: JSON log lines, optional error reporting, who may read /metrics.
        self.LOG_LEVEL = env.get("LOG_LEVEL", "INFO")
        self.LOG_FORMAT = env.get("LOG_FORMAT", "json")
        self.SENTRY_DSN = env.get("SENTRY_DSN", "")
        self.METRICS_ALLOW = parse_networks(env.get("METRICS_ALLOW", "127.0.0.1/32,::1/128"))
        # Background jobs on this Redis (RQ); unset, jobs run inline in the request or command
        # that asked for them, so nothing waits for a worker that does not exist.
        self.REDIS_URL = env.get("REDIS_URL", "")
        self.JOB_RETRIES = 3
        self.JOB_RETRY_INTERVALS = [10, 60, 300]  # seconds before the 1st, 2nd and 3rd retry
        # Web Push (VAPID): `flask --app app push keys` prints a pair. Unset, no push is offered.
        self.VAPID_PRIVATE_KEY = env.get("VAPID_PRIVATE_KEY", "")
        self.VAPID_PUBLIC_KEY = env.get("VAPID_PUBLIC_KEY", "")
        self.VAPID_SUBJECT = env.get("VAPID_SUBJECT", "")
        self.PUSH_TIMEOUT_SECONDS = float(env.get("PUSH_TIMEOUT_SECONDS", "5"))
        # The server POSTs to a subscription's endpoint: only these push services (and subdomains).
        self.PUSH_SERVICE_HOSTS = [host.strip().lower() for host in env.get(
            "PUSH_SERVICE_HOSTS", "fcm.googleapis.com,push.services.mozilla.com,notify.windows.com,push.apple.com"
        ).split(",") if host.strip()]
        # Who the base of a cell's vote leaves out of its official members (Quy định 294-QĐ/TW,
        # formerly 24-QĐ/TW §9.3.2): see handbook/meetings/votes/rules.py.
        self.VOTE_BASE_EXCLUDES = tuple(part.strip() for part in
                                        env.get("VOTE_BASE_EXCLUDES", "exempt_absent,away,suspended").split(",")
                                        if part.strip())
        # What a candidate of an election needs more than half of: "base" (the vote base above,
        # as the party's election rules state for a meeting of all members) or "valid_ballots":
        # see handbook/meetings/votes/election.py.
        self.ELECTION_MAJORITY_OF = env.get("ELECTION_MAJORITY_OF", "base").strip()
        # The share of "hoàn thành xuất sắc" a cell may give, in percent of the members rated
        # "hoàn thành tốt" or better (Quy định 124-QĐ/TW, kept by 366-QĐ/TW as reported): see
        # handbook/year/levels.py.
        self.YEAR_EXCELLENT_CAP_PERCENT = int(env.get("YEAR_EXCELLENT_CAP_PERCENT", "20"))
        # Changes to the party-fee table of Quy định 01-QĐ/TW (03/02/2026), e.g.
        # "abroad=50000,other=1%": see handbook/fees/rates.py. Checked when the app starts.
        self.FEE_RATES = env.get("FEE_RATES", "")
        # Quy định 366-QĐ/TW (30/08/2025) where its published summaries leave a detail open
        # (handbook/year/scoring.py checks them when the app starts): the points of each
        # criterion group, whether "hoàn thành tốt" needs every task on time, the review season.
        self.YEAR_SCORE_WEIGHTS = env.get("YEAR_SCORE_WEIGHTS", "political=10,ethics=10,discipline=10,tasks=70")
        self.YEAR_GOOD_NEEDS_ALL_ON_TIME = env.get("YEAR_GOOD_NEEDS_ALL_ON_TIME", "1").lower() not in (
            "0", "false", "no", "off")
        self.YEAR_REVIEW_MONTHS = env.get("YEAR_REVIEW_MONTHS", "12,1")

    @property
    def is_production(self) -> bool:
        return self.HANDBOOK_ENV == "production"


def parse_networks(text: str) -> list:
    """"10.0.0.0/8, 127.0.0.1" -> networks; a bad entry stops the start with its name."""
    return [ipaddress.ip_network(part.strip(), strict=False) for part in text.split(",") if part.strip()]


def add_connection_settings(config) -> None:
    """Timeouts for the database and the limiter's store actually used (a test may give its own
    URLs after Config was read), unless given."""
    config.setdefault("SQLALCHEMY_ENGINE_OPTIONS", engine_options(config["SQLALCHEMY_DATABASE_URI"]))
    if config["RATELIMIT_STORAGE_URI"].startswith(("redis://", "rediss://")):
        # A Redis that does not answer costs a request one second, then limits count in memory.
        config.setdefault("RATELIMIT_STORAGE_OPTIONS", {"socket_connect_timeout": 1, "socket_timeout": 1})


def engine_options(url: str) -> dict:
    if url.startswith("sqlite"):
        # An SQLite file cannot drop; a ping would be one more statement per request.
        return {}
    # A server connection can drop (restart, failover), so it is pinged when taken from the
    # pool and the request goes on over a new one; a server that does not answer makes the
    # request fail within seconds (a Vietnamese 503 page), not hang until the balancer gives up.
    # A sync worker serves one request at a time: DB_POOL_SIZE=2 (one for the request, one for
    # a job or the odd second connection) and DB_MAX_OVERFLOW=2 keep 4 workers under 16
    # connections (deploy/postgresql-tuning.conf); SQLAlchemy's 5 + 10 suits threaded workers.
    env = os.environ
    pool = {"pool_size": int(env.get("DB_POOL_SIZE", "5")), "max_overflow": int(env.get("DB_MAX_OVERFLOW", "10"))}
    # psycopg 3 prepares a statement on the server once a connection has run it this many times
    # (its own default, 5, made explicit): the session lookup, the bell and the pages' hot
    # statements skip parsing and planning afterwards. "none" turns it off, as a connection
    # pooler in transaction mode (PgBouncer) requires.
    threshold = env.get("DB_PREPARE_THRESHOLD", "5")
    connect_args = {"connect_timeout": 3, "prepare_threshold": None if threshold == "none" else int(threshold)}
    return {"pool_pre_ping": True, "pool_timeout": 10, **pool, "connect_args": connect_args}


def normalise_db_url(url: str) -> str:
    """Accept the postgres:// and postgresql:// spellings hosting panels hand out."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


# SECRET_KEY signs sessions, CSRF tokens and the login marks: production wants 32 random bytes
# (256 bits), as `secrets.token_hex(32)` (64 hex digits) or `secrets.token_urlsafe(32)` (43
# base64 characters) print them, or longer; `openssl rand -base64 32` does too. A key of another
# shape, or with the marks of one a person made up (few distinct characters, a repeated block,
# a run such as "abcdef", one letter case only, a word people type), is refused. The checks'
# limits are set so that a truly random key trips one about once in a million or less.
HEX_DIGITS, BASE64_CHARS = 64, 43
_HEX = re.compile(r"[0-9a-fA-F]+")
_BASE64 = re.compile(r"[A-Za-z0-9+/_-]+")
# Words people type when asked for a secret; six letters or more, so random keys hold none.
OBVIOUS_SECRETS = ("secret", "changeme", "change-me", "password", "default", "handbook", "example", "production",
                   "qwerty")


def secret_problem(secret: str | None) -> str | None:
    if not secret or secret == DEFAULT_SECRET:
        return "SECRET_KEY must be set"
    data = secret.rstrip("=")
    if _HEX.fullmatch(data):
        data, alphabet, run = data.lower(), 16, 8
        if len(data) < HEX_DIGITS:
            return f"SECRET_KEY must hold 32 random bytes: at least {HEX_DIGITS} hex digits"
    elif _BASE64.fullmatch(data):
        alphabet, run = 64, 6
        if len(data) < BASE64_CHARS:
            return f"SECRET_KEY must hold 32 random bytes: at least {BASE64_CHARS} base64 characters"
        if data.lower() == data or data.upper() == data:
            return "SECRET_KEY looks made up: a random base64 key has both letter cases"
    else:
        return "SECRET_KEY must be random hex or base64 (letters, digits, - and _ or + and /)"
    # A random key of this length shows about this many distinct characters; far fewer is a
    # pattern (a word or block repeated).
    expected = alphabet * (1 - (1 - 1 / alphabet) ** len(data))
    if len(set(data)) < 0.6 * expected or _repeats(data, 8) or _longest_run(data) >= run:
        return "SECRET_KEY looks made up: too few distinct characters, a repeated part or a run"
    if any(word in secret.lower() for word in OBVIOUS_SECRETS):
        return "SECRET_KEY looks guessable: it holds a word people type"
    return None


def _repeats(text: str, size: int) -> bool:
    seen = set()
    for start in range(len(text) - size + 1):
        block = text[start:start + size]
        if block in seen:
            return True
        seen.add(block)
    return False


def _longest_run(text: str) -> int:
    """The longest stretch of characters one code point apart, up or down ("abcd", "9876")."""
    longest = current = 1
    step = 0
    for before, after in zip(text, text[1:], strict=False):
        difference = ord(after) - ord(before)
        if difference not in (1, -1):
            current, step = 1, 0
        elif difference == step:
            current += 1
        else:
            current, step = 2, difference
        longest = max(longest, current)
    return longest


def check_production(config) -> None:
    """Production refuses settings that only work, or are only safe, on a developer's machine."""
    if config.get("HANDBOOK_ENV") != "production":
        return
    problem = secret_problem(config.get("SECRET_KEY"))
    if problem:
        raise RuntimeError(f"{problem}. When HANDBOOK_ENV=production make one with "
                           "python3 -c 'import secrets; print(secrets.token_urlsafe(48))'")
    # memory:// counts in each process: with four workers every limit is four times looser.
    storage = config.get("RATELIMIT_STORAGE_URI", "memory://")
    if storage.startswith("memory://") and os.environ.get("WEB_CONCURRENCY", "") != "1":
        raise RuntimeError("RATELIMIT_STORAGE_URI=memory:// counts per process; in production set it to a shared "
                           "store (redis://…), or declare a single worker with WEB_CONCURRENCY=1")
