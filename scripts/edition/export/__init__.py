"""Downloads generated from the model: the edition as JSON, tables as CSV, references as BibTeX, RIS and
CSL-JSON, and a JSON Schema per YAML file kind. Each writer uses a real library or the standard one."""
