"""The package's exceptions: one base class, a shallow hierarchy, one-line messages for users."""


class GeoKGError(Exception):
    """Base class of every error GeoKG reports to a user as one line."""


class ConfigError(GeoKGError):
    """A setting is missing or invalid."""


class DatabaseUnavailable(GeoKGError):
    """Neo4j cannot be reached or refuses our credentials."""


class QueryError(GeoKGError):
    """A Cypher statement failed: syntax, timeout, constraint or a refused write."""


class QueryRefused(QueryError):
    """A statement was refused because it could write or administer the database."""


class ServerError(GeoKGError):
    """The local Neo4j server could not be resolved, configured, started or stopped."""


class InputError(GeoKGError):
    """An input file or value could not be read or parsed."""
