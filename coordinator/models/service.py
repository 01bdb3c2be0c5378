"""The signposting directory of local services."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from coordinator.models.base import Base, TimestampMixin
from coordinator.models.vocabulary import ServiceCategory


class LocalService(TimestampMixin, Base):
    """A local service volunteers and the coordinator signpost to.

    Retire a service with active = False: contacts and endings that signposted to it keep
    pointing at it (ON DELETE RESTRICT from contact_signpost and ending_signpost).
    """

    __tablename__ = "local_service"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(index=True)
    category_id: Mapped[int | None] = mapped_column(
        ForeignKey("service_category.id", ondelete="RESTRICT"), index=True
    )
    phone: Mapped[str | None]
    email: Mapped[str | None]
    website: Mapped[str | None]
    address: Mapped[str | None] = mapped_column(Text)
    postcode: Mapped[str | None]
    area: Mapped[str | None]
    eligibility: Mapped[str | None] = mapped_column(Text)
    how_to_refer: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(default=True, server_default=text("1"))

    category: Mapped[ServiceCategory | None] = relationship()

    def __repr__(self) -> str:
        return f"<LocalService {self.id} {self.name!r}>"
