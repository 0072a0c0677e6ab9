"""One row per subscribed device (a browser's push endpoint and its keys)."""

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from handbook.extensions import db
from handbook.models_base import UTCDateTime, utcnow


class PushSubscription(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    # The push service's URL for this browser; one device, one row (a new login takes it over).
    endpoint: Mapped[str] = mapped_column(String(1000), unique=True)
    p256dh: Mapped[str] = mapped_column(String(200))  # the browser's public key (base64url)
    auth: Mapped[str] = mapped_column(String(50))  # the shared authentication secret (base64url)
    user_agent: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    @property
    def device_label(self) -> str:
        """"Chrome trên Android": enough for a member to tell their phone from their office PC."""
        agent = self.user_agent
        system = next((name for key, name in _SYSTEMS if key in agent), "thiết bị khác")
        browser = next((name for key, name in _BROWSERS if key in agent), "trình duyệt")
        return f"{browser} trên {system}"


# Order matters: an Android agent also says "Linux", Edge and Chrome both say "Chrome".
_SYSTEMS = (("Android", "Android"), ("iPhone", "iPhone"), ("iPad", "iPad"), ("Windows", "Windows"),
            ("Mac OS", "máy Mac"), ("Linux", "Linux"))
_BROWSERS = (("Edg/", "Edge"), ("Firefox/", "Firefox"), ("CriOS/", "Chrome"), ("Chrome/", "Chrome"),
             ("Safari/", "Safari"))
