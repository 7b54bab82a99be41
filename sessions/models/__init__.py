"""Models of the trainings app, one module per area."""

from .geography import Commune, District, Province, Village
from .officers import ProvinceAssignment

__all__ = ["Commune", "District", "Province", "ProvinceAssignment", "Village"]
