// Writers for handoff notes and CRM files (issue 6).
