"""PII entity generators: the contract and the Faker-backed built-ins."""

from piilora.entities.base import DEFAULT_LOCALES, EntityGenerator, RuleDetector

__all__ = ["DEFAULT_LOCALES", "EntityGenerator", "RuleDetector"]
