// Reads an import CSV in the browser, so the GM sees the rows before the bank creates anything.
// The same columns as the bank (character_name,password,faction,balance; a header line is skipped);
// the bank checks every row again and its report is what counts.
function split(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell.trim()); cell = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell.trim());
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) { row.push(cell.trim()); rows.push(row); }
  return rows;
}

/** {rows: [{line, name, faction, balance, problem}], problems} */
export function readCsv(text) {
  const all = split(String(text ?? '').replace(/^\uFEFF/, ''));
  const rows = [];
  const seen = new Set();
  all.forEach((cells, i) => {
    if (cells.every((c) => c === '')) return;
    if (i === 0 && cells[0].toLowerCase() === 'character_name') return;
    const [name = '', password = '', faction = '', balance = ''] = cells;
    let problem = '';
    if (cells.length > 4) problem = 'More than 4 columns';
    else if (!name) problem = 'No character name';
    else if (seen.has(name.toLowerCase())) problem = 'Name repeated in this file';
    else if (password.length < 8) problem = 'Password shorter than 8 characters';
    else if (balance && !/^\d{1,9}(\.\d{1,2})?$/.test(balance)) problem = 'Balance is not an amount';
    seen.add(name.toLowerCase());
    rows.push({ line: i + 1, name, faction, balance, problem });
  });
  return { rows, problems: rows.filter((r) => r.problem).length };
}
