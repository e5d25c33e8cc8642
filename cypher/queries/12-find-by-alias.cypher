// Find entities by any spelling: name or alias, case-insensitive ("Kiev", "Moscou", "OTAN", "Washington").
// params: {"name": "Kiev"}
MATCH (n)
WHERE toLower(n.name) = toLower($name)
   OR any(alias IN n.aliases WHERE toLower(alias) = toLower($name))
RETURN n.key AS key, labels(n)[0] AS kind, n.name AS name, n.aliases AS aliases
ORDER BY kind, key;
