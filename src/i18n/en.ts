/**
 * The English catalogue: every message the engine writes into a finding or note, and every word of the
 * reports' own (verdicts, headings, the summary). The other catalogues (zh.ts, ja.ts) must have every key
 * (the type checker and test/i18n/catalogues.test.ts say so) with the same placeholders. Syntax: format.ts.
 * The engine's English `message` is rendered from here: change a text and the findings change with it.
 */
export const en = {
  // separators of lists
  'sep.comma': ', ',
  'sep.semicolon': '; ',
  'sep.space': ' ',
  quoted: '"{text}"',

  // ---- findings of items
  'lead.license': 'dual-use item: export licence required',
  'lead.review': 'possible dual-use item: check the classification',
  'finding.item': '{lead}: {title} ({how}{shared}{qualifier}{decides}){context}',
  'how.control-code': 'declared control code {code}',
  'how.hs-code': 'HS code matches reference code {code}',
  'how.cas': 'CAS number {code}',
  'how.keyword': 'description mentions "{code}"',
  'item.shared': '; the code is shared with {items, list, comma}',
  'item.qualifier': '; {qualifier}',
  'item.decided-by': '; decided by {text}',
  'qualifier.low': 'LOW-confidence fact: raises review only',
  'qualifier.tariff-line': '{code} is an 8-digit tariff line (参考税则号列) that covers ordinary goods too',
  'qualifier.unrelated': '{code} is shared by unrelated items',
  'qualifier.must-name': '{qualifier}: the description must name the item',
  'qualifier.named': '{qualifier}, and the description names this item',
  'qualifier.hs-not-reference': "the row's HS code {hs} is not among this item's reference codes",
  'qualifier.named-among-sharing': 'the description names this item among those sharing the code',
  'qualifier.both': '{first}; {second}',
  'finding.hs-prefix':
    'possible dual-use item: HS {declared} covers the reference codes of {count} controlled {count, plural, one {item} other {items}} ({titles, list, semicolon}{more, select, 0 {} other {; and {more} more}}) among others: give the full 10-digit code or the control code{context}',
  'finding.heading':
    '{lead}: declared control code {heading} is the heading of {count} listed {count, plural, one {item} other {items}} ({titles, list, semicolon}{more, select, 0 {} other {; and {more} more}}); declare the sub-item{context}',
  'finding.not-encoded.later':
    '{code} is encoded only from {from}, after the as-of date: on that date it is not explained by these rule packs; review it against the list then in force{context}',
  'finding.not-encoded.sub-items': '{code} is not encoded itself, but its sub-items {subItems, list, comma}{more, select, true { …} other {}} are: declare the sub-item{context}',
  'finding.not-encoded': '{code} ({explain}) is not encoded in these rule packs: review it against the official list{context}',
  'code.explain': '{category}, {type}',
  'code.category': 'category {digit} {name}',
  'code.category.bare': 'category {digit}',
  'code.type': 'type {letter} {name}',
  'code.type.bare': 'type {letter}',

  // ---- findings of measures
  'finding.measure': '{route}{message}{transfers}{capped}{details}',
  'route.re-export': 're-export of PRC-origin goods from {country}: the transfer clause applies; ',
  'route.unknown-origin': 'exported from {country}, origin not given: if the goods are of PRC origin, ',
  'measure.transfer-ban': '; the listing also bars anyone abroad from transferring PRC-origin dual-use items to the entity',
  'measure.capped': ' (the listing or the name is a LOW-confidence or review-only fact: review only)',
  'measure.details': ' ({parts, list, semicolon})',
  'details.items': 'items: {items, list, comma}',
  'details.goods': 'goods: {field} "{value}" → {matched}',
  evidence: '{field} "{value}" → {matched}{score, select, none {} other { ({score})}}',

  // ---- parties
  'list.control': "China's export control list",
  'list.watch': "China's watch list",
  'list.military-user': 'military users',
  'list.unreliable': "China's Unreliable Entity List",
  'list.defence-contractor': 'defence prime contractors',
  'party.possible': '{field} "{value}" may be {party} on {list}{listed, select, none {} other {, listed {listed}}} ({why}: matched "{name}")',
  'why.review-only': 'a name that only flags for review',
  'why.score': 'score {score}',
  'finding.party.possible': 'possible party match: {text}',
  'note.party.possible': '{text}',
  'note.party.not-dual-use': '{field} "{value}" is {party} on {list}{listed, select, none {} other {, listed {listed}}}; the item was not identified as dual-use',
  'note.party.inactive': '{field} "{value}" is {party} on {list} (listed {listed}, {source}): {why}',
  'why.stopped': 'its measures stopped from {from} ({by}); the entity stays named, so dual-use items to it still need the ordinary licence',
  'why.suspended': 'its measures are suspended from {from} to {to} ({by}): not counted on this date',

  // ---- the row's data
  'data.unidentified': 'no description, HS code or control code: the row cannot be judged',
  'data.invalid-hs-code': 'HS code "{raw}" is not a valid code: it {reason}',
  'data.invalid-control-code': 'control code "{codes, list, space}" cannot be read (expected a code such as 1C902.a)',
  'data.unclassified-sensitive': 'no HS code or control code, and the row points to {context}: it cannot be cleared unclassified',
  'note.description-only': 'no HS code or control code: judged on the description alone',

  // ---- what else the row has (appended to review findings)
  context: '{parts, list, comma}',
  'context.also': '; the row also has {context}',
  'context.country': '{code} nexus ({field})',
  'context.military': 'a military nexus ({terms, list, comma})',
  'context.party': '{list} party {party}',
  'context.party.possible': 'possibly {list} party {party}',

  // ---- notes
  'note.outside': 'outside these PRC measures: exported from {exportCountry} and of {originCountry} origin (neither is China)',
  'note.re-export': "re-export from {country}: {finding} [{ruleId}]; an item's licence requirement applies to exports from China, so only the transfer clauses reach this row",
  'note.item.suspended': '{item} is suspended from {from} to {to} by {source}: not counted',
  'note.item.not-yet': '{item} is controlled only from {from}: not counted',
  'note.item.ended': '{item} was controlled until {to}: not counted',
  'note.item': '{item}',

  // ---- manifest columns, as messages and evidence name them
  'field.line_id': 'line_id',
  'field.description': 'description',
  'field.hs_code': 'hs_code',
  'field.control_code': 'control_code',
  'field.cas_number': 'cas_number',
  'field.quantity': 'quantity',
  'field.unit': 'unit',
  'field.value': 'value',
  'field.currency': 'currency',
  'field.origin_country': 'origin_country',
  'field.export_country': 'export_country',
  'field.destination_country': 'destination_country',
  'field.consignee': 'consignee',
  'field.consignee_country': 'consignee_country',
  'field.end_user': 'end_user',
  'field.end_user_country': 'end_user_country',
  'field.end_use': 'end_use',
} as const;

export type MessageId = keyof typeof en;
