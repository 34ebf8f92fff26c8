"""Pages of the dashboard beyond the explorer: each module has `layout(pathname, search)` and
`register_callbacks(app, graph, settings)`."""
