"""Qt item models over the edited report and the draft store; tested without a window."""

from kopsavilkums.ui.models.budget import BudgetModel
from kopsavilkums.ui.models.drafts import DraftsModel
from kopsavilkums.ui.models.problems import ProblemsModel
from kopsavilkums.ui.models.rows import IndicatorsModel, ObjectivesModel, RowsModel

__all__ = ["BudgetModel", "DraftsModel", "IndicatorsModel", "ObjectivesModel", "ProblemsModel", "RowsModel"]
