"""The document model: one *kopsavilkums par valsts pārvaldes uzdevuma izpildi*.

Plain dataclasses, attribute names = the draft file format's keys (GUIDE §2). Money is
``Decimal`` (or ``None`` when not given), dates are ``datetime.date``. Objectives and indicators
carry a stable ``id`` so that an editor, undo history or store can address a row no matter how
rows are reordered; ids are not part of the exchange file (a fresh one is made on reading).
"""

from __future__ import annotations

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
    """An achieved result indicator; ``planned``/``achieved`` are short free text ("10", "~340")."""

    text: str = ""
    planned: str = ""
    achieved: str = ""
    note: str = ""
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


@dataclass
class Signatory:
    name: str = ""
    position: str = ""
    date: date | None = None


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
    """Start next year's report from last year's: same task, performer, objectives and indicator
    texts; results, amounts, signature date and narrative assessment cleared; the period moved on
    by its own length (a calendar year period becomes the following calendar year)."""
    new = Report(
        title=previous.title,
        task=previous.task,
        performer=previous.performer,
        delegating_authority=previous.delegating_authority,
        contract=previous.contract,
        introduction=previous.introduction,
        objectives=[Objective(o.text) for o in previous.objectives],
        indicators=[Indicator(i.text, planned=i.planned) for i in previous.indicators],
        signatory=Signatory(previous.signatory.name, previous.signatory.position),
        prepared_by=copy.deepcopy(previous.prepared_by),
    )
    start, end = previous.period.start, previous.period.end
    if start and end and end >= start:
        new_start = end + timedelta(days=1)
        new.period = Period(new_start, new_start + (end - start))
        new.sync_budget_years()
    return new
