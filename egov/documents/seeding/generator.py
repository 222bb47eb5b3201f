"""Generating and writing the documents (COPY into the tables)."""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, models, transaction

from egov.documents.seeding.organisation import Agency, Organisation, _level
from egov.documents.seeding.reference import (
    BATCH,
    CENTRAL,
    CENTRAL_DRAFTERS,
    INCOMING_TYPES,
    LETTER_VERBS,
    MEASURED_PROVINCE,
    OUTGOING_TYPES,
    PERIODS,
    PLACE_SYLLABLES,
    PLANTED_NOTATION,
    PLANTED_NUMBER,
    PROVINCES,
    STORMS,
    SUBJECTS,
    TOPICS,
    UBND_DRAFTERS,
    Weighted,
    person_name,
    search_texts,
)
from egov.lib.dates import BUSINESS_TZ

# --- Writing -------------------------------------------------------------------------------


class Table:
    """COPY rows into one model's table. Rows give ``columns`` in order; every other column
    gets its field's default. With ``searchable``, rows end with the folded text and its
    words, and go through a staging table whose INSERT computes ``search_vector`` as
    ``egov.documents.search`` does."""

    def __init__(self, model: type[models.Model], columns: list[str], *, searchable: bool = False):
        self.model = model
        self.table = model._meta.db_table
        self.searchable = searchable
        fields = [f for f in model._meta.concrete_fields if f.column != "search_vector"]
        known = {f.column for f in fields}
        unknown = set(columns) - known
        if unknown:
            raise ValueError(f"{self.table} has no column {sorted(unknown)}")
        defaults = [f for f in fields if f.column not in columns]
        self.columns = [*columns, *(f.column for f in defaults)]
        self.extra = tuple(f.get_db_prep_save(f.get_default(), connection) for f in defaults)
        self.rows: list[tuple[Any, ...]] = []
        self.count = 0
        self.next_id = 0

    def reserve_ids(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f'SELECT COALESCE(MAX(id), 0) FROM "{self.table}"')  # noqa: S608
            self.next_id = int(cursor.fetchone()[0]) + 1

    def new_id(self) -> int:
        value = self.next_id
        self.next_id += 1
        return value

    def add(self, row: tuple[Any, ...]) -> None:
        self.rows.append(row)

    def flush(self) -> None:
        if not self.rows:
            return
        quoted = ", ".join(f'"{c}"' for c in self.columns)
        with transaction.atomic(), connection.connection.cursor() as cursor:
            if self.searchable:
                stage = f"seed_stage_{self.table}"
                cursor.execute(
                    f'CREATE TEMP TABLE IF NOT EXISTS "{stage}" (LIKE "{self.table}")'
                    f" ON COMMIT DELETE ROWS"
                )
                cursor.execute(
                    f'ALTER TABLE "{stage}" ADD COLUMN IF NOT EXISTS seed_text text,'
                    " ADD COLUMN IF NOT EXISTS seed_words text"
                )
                with cursor.copy(
                    f'COPY "{stage}" ({quoted}, seed_text, seed_words) FROM STDIN'
                ) as copy:
                    for row in self.rows:
                        copy.write_row(row[:-2] + self.extra + row[-2:])
                cursor.execute(
                    f'INSERT INTO "{self.table}" ({quoted}, search_vector) SELECT {quoted},'  # noqa: S608
                    " to_tsvector('simple'::regconfig, COALESCE(seed_text, ''))"
                    " || to_tsvector('simple'::regconfig, COALESCE(seed_words, ''))"
                    f' FROM "{stage}"'
                )
                cursor.execute(f'TRUNCATE "{stage}"')
            else:
                with cursor.copy(f'COPY "{self.table}" ({quoted}) FROM STDIN') as copy:
                    for row in self.rows:
                        copy.write_row(row + self.extra)
        self.count += len(self.rows)
        self.rows = []

    def finish(self) -> None:
        self.flush()
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('\"{self.table}\"', 'id'),"  # noqa: S608
                f' (SELECT COALESCE(MAX(id), 1) FROM "{self.table}"))'
            )


# --- Generation ----------------------------------------------------------------------------


@dataclass
class Source:
    """A document as its issuer sent it, received by one or more agencies."""

    type_code: str
    number: str
    notation: str
    issued: dt.date
    subject: str
    issuer_name: str
    issuer_code: str
    signer_name: str
    signer_position: str
    urgency: int
    secrecy: int
    recipients: list[Agency]
    text: str = ""
    words: str = ""


@dataclass
class Counts:
    incoming: int = 0
    outgoing: int = 0
    assignments: int = 0
    review_steps: int = 0
    by_status: dict[str, int] = field(default_factory=lambda: defaultdict(int))


class Generator:
    """Everything drawn from one random generator, in order of time."""

    def __init__(
        self,
        organisation: Organisation,
        types: dict[str, Any],
        rng: random.Random,
        now: dt.datetime,
        log: Callable[[str], None],
    ) -> None:
        self.org = organisation
        self.types = types
        self.rng = rng
        self.now = now
        self.log = log
        self.today = now.astimezone(BUSINESS_TZ).date()
        self.start = dt.date(self.today.year - 2, 1, 1)
        self.calendar = [
            self.start + dt.timedelta(days=n) for n in range((self.today - self.start).days + 1)
        ]
        self.days = [day for day in self.calendar if day.weekday() < 5]
        self.agencies = Weighted(organisation.agencies, [a.weight for a in organisation.agencies])
        self.by_province = {
            name: Weighted(group, [a.weight for a in group])
            for name, group in organisation.by_province.items()
        }
        provinces = list(organisation.by_province)
        self.provinces = Weighted(
            provinces, [sum(a.weight for a in organisation.by_province[p]) for p in provinces]
        )
        self.province_codes = {
            name: f"000.00.00.H{index:02d}" for index, (name, _) in enumerate(PROVINCES, start=1)
        }
        self.incoming_types = Weighted(*zip(*INCOMING_TYPES, strict=True))
        self.outgoing_types = Weighted(*zip(*OUTGOING_TYPES, strict=True))
        #: Last number given, per (issuer, year) and per (register, year).
        self.issuer_numbers: dict[tuple[str, int], int] = defaultdict(int)
        self.register_numbers: dict[tuple[int, int], int] = defaultdict(int)
        self.issuer_signers: dict[str, tuple[str, str]] = {}
        self.counts = Counts()
        self.planted = False

    # - numbering -

    def load_counters(self) -> None:
        from egov.documents.models import RegisterCounter

        for register_id, year, last in RegisterCounter.objects.values_list(
            "register_id", "year", "last_number"
        ):
            self.register_numbers[(register_id, year)] = last

    def save_counters(self) -> None:
        rows = [(r, y, n) for (r, y), n in self.register_numbers.items()]
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO documents_registercounter (register_id, year, last_number)"
                " VALUES (%s, %s, %s) ON CONFLICT (register_id, year)"
                " DO UPDATE SET last_number = EXCLUDED.last_number",
                rows,
            )

    def next_register_number(self, register: int, year: int) -> int:
        self.register_numbers[(register, year)] += 1
        return self.register_numbers[(register, year)]

    # - shared draws -

    def subject(self, type_code: str, year: int, province: str, is_city: bool) -> str:
        rng = self.rng
        templates = SUBJECTS.get(type_code) or ["Về {t}"]
        return rng.choice(templates).format(
            t=rng.choice(TOPICS),
            y=year,
            p=f"trên địa bàn {_level(is_city)} {province}",
            s=rng.choice(STORMS),
            v=rng.choice(LETTER_VERBS),
            q=rng.choice(PERIODS),
        )

    def signer(self, issuer: str, posts: tuple[str, str]) -> tuple[str, str]:
        """One of the issuer's two signers (the same two people throughout)."""
        if issuer not in self.issuer_signers:
            self.issuer_signers[issuer] = (person_name(self.rng), person_name(self.rng))
        head, deputy = self.issuer_signers[issuer]
        return (head, posts[0]) if self.rng.random() < 0.3 else (deputy, posts[1])

    def urgency(self) -> int:
        roll = self.rng.random()
        return 0 if roll < 0.85 else 1 if roll < 0.95 else 2 if roll < 0.99 else 3

    def secrecy(self, chance: float) -> int:
        """Mật, Tối mật, Tuyệt mật with ``chance`` in all (80/15/5), else 0."""
        roll = self.rng.random()
        if roll >= chance:
            return 0
        return 1 if roll < chance * 0.8 else 2 if roll < chance * 0.95 else 3

    def at_work(self, day: dt.date) -> dt.datetime:
        """A moment of office hours (7:30 to 16:30) on ``day``, never after now."""
        opening = dt.datetime.combine(day, dt.time(7, 30), tzinfo=BUSINESS_TZ)
        moment = opening + dt.timedelta(seconds=self.rng.randrange(9 * 3600))
        if moment >= self.now:
            midnight = dt.datetime.combine(day, dt.time(), tzinfo=BUSINESS_TZ)
            moment = midnight + (self.now - midnight) * self.rng.random()
        return moment

    # - incoming -

    def audience_size(self) -> int:
        roll = self.rng.random()
        if roll < 0.55:
            return 1
        if roll < 0.80:
            return self.rng.randint(2, 5)
        if roll < 0.95:
            return self.rng.randint(6, 20)
        return self.rng.randint(21, 60)

    def source(self, day: dt.date, k: int) -> Source:
        """A document issued on ``day`` and (up to) ``k`` agencies it goes to."""
        rng = self.rng
        type_code = self.incoming_types.one(rng)
        legal = False
        roll = rng.random()
        if roll < 0.30:  # the People's Committee or Council of a province, to its agencies
            province = self.provinces.one(rng)
            is_city = self.org.by_province[province][0].is_city
            level = _level(is_city)
            if rng.random() < 0.05:
                issuer, abbreviation, code = f"Hội đồng nhân dân {level} {province}", "HĐND", ""
                type_code = "nghi-quyet" if rng.random() < 0.7 else "thong-bao"
                legal = type_code == "nghi-quyet" and rng.random() < 0.5
            else:
                issuer, abbreviation = f"Ủy ban nhân dân {level} {province}", "UBND"
                code = self.province_codes.get(province, "")
                type_code = "quyet-dinh" if type_code == "nghi-quyet" else type_code
                legal = type_code == "quyet-dinh" and rng.random() < 0.15
            posts = ("Chủ tịch", "Phó Chủ tịch")
            drafters = UBND_DRAFTERS
            recipients = self.by_province[province].distinct(rng, k)
        elif roll < 0.60:  # an agency of a province, to others of the province
            province = self.provinces.one(rng)
            sender = rng.choice(self.org.by_province[province])
            is_city = sender.is_city
            issuer, abbreviation, code = sender.issuer_name, sender.abbreviation, sender.organ_code
            posts = (
                ("Chánh Văn phòng", "Phó Chánh Văn phòng")
                if sender.is_office
                else ("Giám đốc", "Phó Giám đốc")
            )
            drafters = [abbr for _, abbr, _ in sender.divisions] or ["VP"]
            others = self.by_province[province].distinct(rng, k + 1)
            recipients = [a for a in others if a is not sender][:k]
            if type_code in ("nghi-quyet", "chi-thi", "cong-dien"):
                type_code = "cong-van"
        elif roll < 0.90:  # a ministry or the Government, to agencies of every province
            index = rng.randrange(len(CENTRAL))
            abbreviation, issuer, posts = CENTRAL[index]
            code = f"000.00.00.G{index + 1:02d}"
            drafters = CENTRAL_DRAFTERS
            province, is_city = "", False
            recipients = self.agencies.distinct(rng, k)
            legal = type_code in ("quyet-dinh", "nghi-quyet") and rng.random() < 0.2
        else:  # a commune, to one to three agencies of its province
            province = self.provinces.one(rng)
            is_city = self.org.by_province[province][0].is_city
            place = f"{rng.choice(PLACE_SYLLABLES)} {rng.choice(PLACE_SYLLABLES)}"
            issuer = f"Ủy ban nhân dân {'phường' if rng.random() < 0.2 else 'xã'} {place}"
            abbreviation, code, posts = "UBND", "", ("Chủ tịch", "Phó Chủ tịch")
            drafters = []
            recipients = self.by_province[province].distinct(rng, min(k, 3))
            if type_code in ("nghi-quyet", "chi-thi", "cong-dien", "huong-dan"):
                type_code = "cong-van"
        doc_type = self.types[type_code]
        year = day.year
        # Most of what an issuer numbers goes outside this platform: numbers leap.
        self.issuer_numbers[(issuer, year)] += rng.randint(1, 12)
        number = str(self.issuer_numbers[(issuer, year)])
        if doc_type.is_letter:
            suffix = rng.choice(drafters) if drafters and rng.random() < 0.8 else ""
            notation = (f"{abbreviation}-{suffix}" if suffix else abbreviation).upper()
        else:
            notation = f"{doc_type.abbreviation}-{abbreviation}"
        if legal:
            notation = f"{year}/{notation}"
        if (
            not self.planted
            and abbreviation == "UBND"
            and province == MEASURED_PROVINCE
            and code
            and year == self.today.year
            and doc_type.is_letter
        ):
            number, notation, self.planted = PLANTED_NUMBER, PLANTED_NOTATION, True
            recipients = [self.org.busy] + [
                a for a in self.by_province[province].distinct(rng, 15) if a is not self.org.busy
            ]
            recipients = recipients[: max(k, 2)]
        signer_name, signer_position = self.signer(issuer, posts)
        source = Source(
            type_code=type_code,
            number=number,
            notation=notation.replace(" ", "")[:30],
            issued=day,
            subject=self.subject(type_code, year, province or "cả nước", is_city)[:500],
            issuer_name=issuer[:200],
            issuer_code=code,
            signer_name=signer_name,
            signer_position=signer_position,
            urgency=self.urgency(),
            # Secret documents travel on paper to one or two named recipients.
            secrecy=self.secrecy(0.08) if len(recipients) <= 2 else 0,
            recipients=recipients,
        )
        source.text, source.words = search_texts(
            [
                source.subject,
                source.number,
                source.notation,
                source.signer_name,
                source.signer_position,
                doc_type.name,
                source.issuer_name,
            ]
        )
        return source

    def incoming(self, total: int, documents: Table, assignments: Table) -> None:
        """``total`` deliveries, registered in order of arrival, with their handling."""
        rng = self.rng
        days = len(self.days)
        # Cumulative target of deliveries by the end of each working day.
        targets = iter(round(total * (n + 1) / days) for n in range(days))
        pending: dict[dt.date, list[tuple[dt.datetime, Source, Agency]]] = defaultdict(list)
        generated = produced = 0
        for day in self.calendar:
            if day.weekday() < 5:
                target = next(targets)
                while generated < target:
                    source = self.source(day, min(self.audience_size(), total - generated))
                    source.recipients = source.recipients[: total - generated]
                    for agency in source.recipients:
                        roll = rng.random()
                        lag = 0 if roll < 0.5 else 1 if roll < 0.85 else 2
                        arrival_day = min(day + dt.timedelta(days=lag), self.today)
                        pending[arrival_day].append((self.at_work(arrival_day), source, agency))
                    generated += len(source.recipients)
            for arrived, source, agency in sorted(pending.pop(day, []), key=lambda x: x[0]):
                self.deliver(arrived, source, agency, documents, assignments)
                produced += 1
            if len(documents.rows) >= BATCH:
                documents.flush()
                assignments.flush()
                self.log(f"  incoming {documents.count:,} ({day})")
        documents.flush()
        assignments.flush()
        if produced != total or pending:
            raise RuntimeError(f"generated {produced} incoming documents, not {total}")

    def deliver(
        self,
        arrived: dt.datetime,
        source: Source,
        agency: Agency,
        documents: Table,
        assignments: Table,
    ) -> None:
        rng = self.rng
        local = arrived.astimezone(BUSINESS_TZ)
        year = local.year
        register = agency.registers["in_secret" if source.secrecy else "in"]
        age = (self.now - arrived).total_seconds() / 86400
        status = self.incoming_status(age)
        due = local.date() + dt.timedelta(days=rng.randint(3, 15)) if rng.random() < 0.6 else None
        done_at = None
        if status in ("done", "filed"):
            done_at = min(arrived + dt.timedelta(hours=rng.randint(4, 24 * 20)), self.now)
        channel = rng.choices(("exchange", "electronic", "paper", "mail"), (70, 15, 10, 5))[0]
        pk = documents.new_id()
        documents.add(
            (
                pk, self.types[source.type_code].pk, source.number, source.notation,
                source.issued, source.subject, source.signer_position, source.signer_name,
                source.urgency, source.secrecy, rng.randint(1, 12), due, agency.clerk or None,
                arrived, done_at or arrived, agency.pk, register, year,
                self.next_register_number(register, year), arrived,
                "paper" if source.secrecy else channel, source.issuer_name, source.issuer_code,
                status, done_at, source.text, source.words,
            )
        )  # fmt: skip
        self.counts.incoming += 1
        self.counts.by_status[f"incoming_{status}"] += 1
        self.chain(pk, arrived, status, due, done_at, source, agency, assignments)

    def incoming_status(self, age: float) -> str:
        """Recent documents are still being handled; old ones mostly done."""
        roll = self.rng.random()
        if age < 3:
            table = [("registered", 0.35), ("presented", 0.6), ("assigned", 0.85)]
            default = "in_progress"
        elif age < 30:
            table = [
                ("registered", 0.04),
                ("presented", 0.10),
                ("assigned", 0.25),
                ("in_progress", 0.50),
                ("done", 0.93),
            ]
            default = "filed"
        else:
            table = [
                ("registered", 0.002),
                ("presented", 0.006),
                ("assigned", 0.014),
                ("in_progress", 0.035),
                ("recalled", 0.04),
                ("done", 0.90),
            ]
            default = "filed"
        return next((status for status, bound in table if roll < bound), default)

    def chain(
        self,
        document: int,
        arrived: dt.datetime,
        status: str,
        due: dt.date | None,
        done_at: dt.datetime | None,
        source: Source,
        agency: Agency,
        assignments: Table,
    ) -> None:
        """The handling chain: presented to the leader, then given to a division or to the
        deputy (in person for secret documents), sometimes with a supporting division."""
        if status == "registered":
            return
        rng = self.rng
        urgency = source.urgency
        presented_at = min(arrived + dt.timedelta(minutes=rng.randint(10, 240)), self.now)
        present = assignments.new_id()
        if status == "presented":
            assignments.add(
                (present, document, None, "present", None, agency.leader, agency.clerk, due,
                 "pending", presented_at, None, urgency)
            )  # fmt: skip
            self.counts.assignments += 1
            return
        forwarded_at = min(presented_at + dt.timedelta(hours=rng.randint(1, 30)), self.now)
        closing = "cancelled" if status == "recalled" else "forwarded"
        assignments.add(
            (present, document, None, "present", None, agency.leader, agency.clerk, due,
             closing, presented_at, forwarded_at, urgency)
        )  # fmt: skip
        self.counts.assignments += 1
        if status == "recalled":
            return
        lead_status = {"assigned": "pending", "in_progress": "in_progress"}.get(status, "done")
        closed = done_at if lead_status == "done" else None
        if agency.divisions and not source.secrecy and rng.random() < 0.6:
            unit, user = rng.choice(agency.divisions)[0], None
        else:
            unit, user = None, agency.deputy
        assignments.add(
            (assignments.new_id(), document, present, "lead", unit, user, agency.leader, due,
             lead_status, forwarded_at, closed, urgency)
        )  # fmt: skip
        self.counts.assignments += 1
        if agency.divisions and not source.secrecy and rng.random() < 0.25:
            assignments.add(
                (assignments.new_id(), document, present, "support",
                 rng.choice(agency.divisions)[0], None, agency.leader, due, lead_status,
                 forwarded_at, closed, urgency)
            )  # fmt: skip
            self.counts.assignments += 1

    # - outgoing -

    def outgoing_status(self, age: float) -> str:
        roll = self.rng.random()
        if age < 5:
            table = [("draft", 0.25), ("in_review", 0.5), ("returned", 0.55), ("approved", 0.65)]
        else:
            table = [
                ("draft", 0.02),
                ("in_review", 0.03),
                ("returned", 0.035),
                ("approved", 0.04),
                ("recalled", 0.05),
                ("cancelled", 0.065),
            ]
        return next((status for status, bound in table if roll < bound), "issued")

    def outgoing(self, total: int, documents: Table, steps: Table) -> None:
        """``total`` outgoing documents; issued ones numbered in order of issue."""
        rng = self.rng
        by_day: dict[dt.date, list[tuple[dt.datetime, Agency, dt.datetime, str]]] = defaultdict(
            list
        )
        for day in sorted(rng.choice(self.days) for _ in range(total)):
            agency = self.agencies.one(rng)
            created = self.at_work(day)
            status = self.outgoing_status((self.now - created).total_seconds() / 86400)
            moment = created
            if status in ("issued", "recalled"):
                moment = min(created + dt.timedelta(hours=rng.randint(2, 96)), self.now)
            by_day[moment.astimezone(BUSINESS_TZ).date()].append((moment, agency, created, status))
        for day in sorted(by_day):
            for moment, agency, created, status in sorted(by_day[day], key=lambda x: x[0]):
                self.draft(moment, agency, created, status, documents, steps)
            if len(documents.rows) >= BATCH:
                documents.flush()
                steps.flush()
                self.log(f"  outgoing {documents.count:,} ({day})")
        documents.flush()
        steps.flush()

    def draft(
        self,
        moment: dt.datetime,
        agency: Agency,
        created: dt.datetime,
        status: str,
        documents: Table,
        steps: Table,
    ) -> None:
        """One outgoing document; numbered and given its notation if issued, as
        ``actions.issuing.issue`` does."""
        rng = self.rng
        type_code = self.outgoing_types.one(rng)
        doc_type = self.types[type_code]
        secrecy = self.secrecy(0.01)
        legal = type_code == "quyet-dinh" and agency.is_office and rng.random() < 0.1
        division = rng.choice(agency.divisions) if agency.divisions else (0, "", "")
        in_division = bool(division[0]) and rng.random() < 0.8
        drafting, drafting_name = (
            (division[0], division[2]) if in_division else (agency.pk, agency.name)
        )
        subject = self.subject(type_code, created.year, agency.province, agency.is_city)[:500]
        signer = agency.leader if rng.random() < 0.6 else agency.deputy
        post = "Chánh Văn phòng" if agency.is_office else "Giám đốc"
        signer_position = post if signer == agency.leader else f"Phó {post[0].lower()}{post[1:]}"
        issued = status in ("issued", "recalled")
        register = year = number = issued_at = issued_date = None
        code_number = code_notation = signer_name = ""
        if issued:
            issued_at = moment
            local = moment.astimezone(BUSINESS_TZ)
            year, issued_date = local.year, local.date()
            kind = "out_secret" if secrecy else "out_legal" if legal else "out"
            register = agency.registers[kind]
            number = self.next_register_number(register, year)
            code_number = f"{number:02d}"
            if doc_type.is_letter:
                notation = (
                    f"{agency.abbreviation}-{division[1]}" if in_division else (agency.abbreviation)
                )
                code_notation = notation.upper().replace(" ", "")
            else:
                code_notation = f"{doc_type.abbreviation}-{agency.abbreviation}".replace(" ", "")
            if legal:
                code_notation = f"{year}/{code_notation}"
            code_notation = code_notation[:30]
            signer_name = agency.names.get(signer, "")[:50]
        text, words = search_texts(
            [
                subject,
                code_number,
                code_notation,
                signer_name,
                signer_position,
                doc_type.name,
                agency.name,
                drafting_name,
            ]
        )
        pk = documents.new_id()
        electronic = doc_type.delivery_rule != "paper_only" and not secrecy
        on_paper = doc_type.delivery_rule != "electronic_only" or bool(secrecy)
        documents.add(
            (
                pk, doc_type.pk, code_number, code_notation, issued_date, subject,
                signer_position, signer_name, self.urgency(), secrecy, rng.randint(1, 8), None,
                agency.specialist, created, moment, agency.pk, drafting, legal,
                agency.specialist, signer, status, register, year, number, issued_at,
                agency.clerk if issued else None, electronic, on_paper, text, words,
            )
        )  # fmt: skip
        self.counts.outgoing += 1
        self.counts.by_status[f"outgoing_{status}"] += 1
        decision = {
            "in_review": "pending",
            "returned": "returned",
            "approved": "approved",
            "issued": "approved",
            "recalled": "approved",
        }.get(status)
        if decision is not None:
            decided = (
                None if decision == "pending" else min(created + dt.timedelta(hours=2), moment)
            )
            steps.add((steps.new_id(), pk, 1, 1, signer, True, decision, decided))
            self.counts.review_steps += 1
