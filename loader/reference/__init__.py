"""Reference data: curated memberships, arms-transfer registers and state agencies, and reconciliation.

Readers turn tables into `ReferenceClaim`s (`memberships`, `transfers`, `agencies`), names resolve
through the gazetteer (`resolve_names`), `importing` writes them, and `reconcile` compares the news
with them. The shipped tables live in `loader/data/reference/`.
"""
