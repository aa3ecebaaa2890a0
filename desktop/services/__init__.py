"""Operations on records that are more than one form's save, written over the store's interface.

No SQL here and no Qt: a service reads and saves through `storage.LogStore` (its transaction and
`save_claim`, with every rule, version check and audit entry a form's save gets), so the window,
the command line and tests call the same code, on any backend.
"""
