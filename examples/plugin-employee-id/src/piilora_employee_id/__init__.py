"""An example piilora plugin: the EMPLOYEE_ID entity type."""

from __future__ import annotations

import random
from collections.abc import Callable

from faker import Faker

from piilora import EntityGenerator, hookimpl
from piilora.entities import RuleDetector

__all__ = ["EMPLOYEE_ID", "piilora_register_entity_generators", "sample_employee_id"]

_PREFIXES = ("EMP", "E", "HR", "ID", "STAFF", "PERS")


def sample_employee_id(faker: Faker, rng: random.Random, locale: str) -> str:
    """Company-style staff numbers: ``EMP-004217``, ``E1234567``, ``HR/2019/0042`` ..."""
    style = rng.randrange(5)
    if style == 0:
        return f"{rng.choice(_PREFIXES)}-{rng.randrange(10**6):06d}"
    if style == 1:
        return f"{rng.choice(_PREFIXES)}{rng.randrange(10**7):07d}"
    if style == 2:
        return f"{rng.choice(_PREFIXES)}/{rng.randrange(1995, 2026)}/{rng.randrange(10**4):04d}"
    if style == 3:
        return f"{faker.random_uppercase_letter()}{faker.random_uppercase_letter()}{rng.randrange(10**5):05d}"
    return f"{rng.randrange(10**3):03d}-{rng.randrange(10**4):04d}-{faker.random_uppercase_letter()}"


EMPLOYEE_ID = EntityGenerator(
    entity_type="EMPLOYEE_ID",
    sample=sample_employee_id,
    contexts=(
        "Employee ID: {value}",
        "my staff number is {value}",
        "Badge {value} was used to enter building B at 07:58.",
        "please update the record for employee {value}",
        "Personalnummer {value}",
        "payroll run failed for emp_id={value}",
        "The laptop is assigned to {value} until further notice.",
        "HR case opened for employee number {value}.",
        "ref. staff id {value} in the onboarding checklist",
    ),
    description="Company employee / staff numbers",
    # every staff number has 3+ digits: a model span of this type without them is not one
    shape=lambda value: sum(c.isdigit() for c in value) >= 3,
    # table columns that hold staff numbers: the Redactor types their cells as EMPLOYEE_ID
    field_names=("employee_id", "employee_number", "staff_id", "emp_id"),
    # words that announce a staff number: the copy decoder guesses the placeholder's type from them
    cues=("employee id", "employee number", "employee", "staff number", "staff id", "badge", "personalnummer"),
    # the safety net's rule: a staff number's form shortly after one of those words is masked even
    # where the model missed it (unverified: it adds spans, it never overrides the model's type)
    rule=RuleDetector.cued(
        r"(?:EMP|E|HR|ID|STAFF|PERS)-?\d{6,7}|(?:EMP|E|HR|ID|STAFF|PERS)/\d{4}/\d{4}|[A-Z]{2}\d{5}|\d{3}-\d{4}-[A-Z]",
        cues=(
            "employee id",
            "employee number",
            "employee no",
            "employee",
            "staff number",
            "staff id",
            "emp_id",
            "badge",
            "personalnummer",
        ),
    ),
)


@hookimpl
def piilora_register_entity_generators(register: Callable[[EntityGenerator], None]) -> None:
    register(EMPLOYEE_ID)
