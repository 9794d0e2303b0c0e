"""The document model: one *kopsavilkums par valsts pārvaldes uzdevuma izpildi*.

Plain dataclasses, attribute names = the draft file format's keys (docs/file-format.md). Money is
``Decimal`` (or ``None`` when not given), dates are ``datetime.date``. Objectives and indicators
carry a stable ``id`` so that an editor, undo history or store can address a row no matter how
rows are reordered; ids are not part of the exchange file (a fresh one is made on reading).
"""

from __future__ import annotations

import calendar
import copy
import os
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal


def new_id() -> str:
    """12 random hex digits: unique enough for the rows of one report, and cheaper to import
    than ``uuid`` (the command line's start-up time is measured)."""
    return os.urandom(6).hex()


@dataclass
class Period:
    start: date | None = None
    end: date | None = None

    def years(self) -> list[int]:
        """Every calendar year the period touches, in order (empty while it is incomplete)."""
        if not self.start or not self.end or self.end < self.start:
            return []
        return list(range(self.start.year, self.end.year + 1))


@dataclass
class Objective:
    text: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class Indicator:
    """An achieved result indicator; ``planned``/``achieved`` are short free text ("10", "~340").

    ``carried_over`` marks a row copied from the previous period's report (*Start the next report*)
    whose text still describes that period's results until someone checks it."""

    text: str = ""
    planned: str = ""
    achieved: str = ""
    note: str = ""
    carried_over: bool = False
    id: str = field(default_factory=new_id)


@dataclass
class BudgetRow:
    year: int
    planned: Decimal | None = None
    actual: Decimal | None = None

    @property
    def is_empty(self) -> bool:
        return self.planned is None and self.actual is None


@dataclass
class AmountWithExplanation:
    """Rows 6 and 7: an amount with its explanation, or nothing (printed ``Nav``)."""

    amount: Decimal | None = None
    explanation: str = ""

    @property
    def is_none(self) -> bool:
        return self.amount is None and not self.explanation.strip()


#: How the summary is signed: on paper, or as an e-document with a secure e-signature and a time
#: stamp (eParaksts), which takes the place of the signature line and the date.
BY_HAND = "by_hand"
E_SIGNATURE = "e_signature"
SIGNING_METHODS = (BY_HAND, E_SIGNATURE)


@dataclass
class Signatory:
    name: str = ""
    position: str = ""
    date: date | None = None
    signing: str = BY_HAND

    @property
    def e_signed(self) -> bool:
        return self.signing == E_SIGNATURE


@dataclass
class PreparedBy:
    name: str = ""
    phone: str = ""
    email: str = ""


@dataclass
class Report:
    title: str = ""
    task: str = ""
    performer: str = ""
    delegating_authority: str = ""
    contract: str = ""
    period: Period = field(default_factory=Period)
    introduction: str = ""
    objectives: list[Objective] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    assessment: str = ""
    budget: list[BudgetRow] = field(default_factory=list)
    irregular_expenditure: AmountWithExplanation = field(default_factory=AmountWithExplanation)
    unrecovered_amount: AmountWithExplanation = field(default_factory=AmountWithExplanation)
    other_information: str = ""
    signatory: Signatory = field(default_factory=Signatory)
    prepared_by: PreparedBy = field(default_factory=PreparedBy)

    def copy(self) -> Report:
        return copy.deepcopy(self)

    def value_at(self, key: str) -> object:
        """The value of a field of the field table by its dotted key (``period.end``,
        ``signatory.name``, ``objectives``)."""
        value: object = self
        for part in key.split("."):
            value = getattr(value, part)
        return value

    def set_at(self, key: str, value: object) -> None:
        """Set a field of the field table by its dotted key; the counterpart of :meth:`value_at`."""
        *parents, last = key.split(".")
        target: object = self
        for part in parents:
            target = getattr(target, part)
        setattr(target, last, value)

    def budget_total(self) -> tuple[Decimal | None, Decimal | None]:
        """Sum of planned and of actual amounts; ``None`` where no year has one."""

        def total(values: list[Decimal | None]) -> Decimal | None:
            given = [v for v in values if v is not None]
            return sum(given, Decimal("0.00")) if given else None

        return total([r.planned for r in self.budget]), total([r.actual for r in self.budget])

    def budget_row(self, year: int) -> BudgetRow | None:
        return next((row for row in self.budget if row.year == year), None)

    def sync_budget_years(self) -> list[BudgetRow]:
        """Make ``budget`` hold one row per year of the period, in order.

        Rows for years that are still in the period keep their amounts; empty rows outside it
        go. Rows outside the period that hold amounts are *kept* and returned, so the caller can
        ask the user instead of silently dropping money (validation names them as extra years).
        """
        years = self.period.years()
        if not years:
            return []
        by_year = {row.year: row for row in self.budget}
        kept_outside = [r for r in self.budget if r.year not in years and not r.is_empty]
        rows = [by_year.get(year) or BudgetRow(year) for year in years]
        self.budget = sorted(rows + kept_outside, key=lambda r: r.year)
        return kept_outside


def next_report_from(previous: Report) -> Report:
    """Start the next period's report from the last one: the same task, performer, objectives,
    indicators (their texts marked as carried over, to be checked) and planned values, the people;
    achieved values, notes, amounts, the assessment and the signing date cleared; the period
    that follows (:func:`following_period`)."""
    new = Report(
        title=previous.title,
        task=previous.task,
        performer=previous.performer,
        delegating_authority=previous.delegating_authority,
        contract=previous.contract,
        introduction=previous.introduction,
        objectives=[Objective(o.text) for o in previous.objectives],
        indicators=[Indicator(i.text, planned=i.planned, carried_over=True) for i in previous.indicators],
        signatory=Signatory(previous.signatory.name, previous.signatory.position, signing=previous.signatory.signing),
        prepared_by=copy.deepcopy(previous.prepared_by),
    )
    if following := following_period(previous.period):
        new.period = following
        new.sync_budget_years()
    return new


def following_period(period: Period) -> Period | None:
    """The period after ``period``, about as long: a period that ends on the last day of a month
    (01.01.2023. – 31.12.2023.) is followed by as many calendar months as it touched; one that runs
    to the day before the same day of a later month (12.08.2019. – 11.08.2020.) by as many months
    from the next day; anything else by as many days. None while the period is incomplete."""
    start, end = period.start, period.end
    if not start or not end or end < start:
        return None
    new_start = end + timedelta(days=1)
    months = (end.year - start.year) * 12 + end.month - start.month
    if new_start.day == 1:
        return Period(new_start, _add_months(new_start, months + 1) - timedelta(days=1))
    if new_start.day == start.day and months > 0:
        return Period(new_start, _add_months(new_start, months) - timedelta(days=1))
    return Period(new_start, new_start + (end - start))


def _add_months(day: date, months: int) -> date:
    """``day`` moved on by whole months (its day of month must exist then: 1–28, or the 1st)."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last))
