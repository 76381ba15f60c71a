import DiscoveryCore
import DiscoveryExport
import Foundation

extension Command {
    static let due = Command(CommandSpec(
        ["due"],
        usage: "due [--owner U] [--json]",
        summary: "Follow-ups overdue and due today (first calls, call retries, next steps) with their SLA state",
        example: "due --owner sam",
        group: .calls, options: [OptionSpec("--owner", "U"), .flag("--json")]
    )) { inv, session in
        let owner = try inv.option("--owner").map { try Validation.text($0, name: "--owner") }
        let now = session.now()
        let list = try FollowUpList.due(session, owner: owner)
        if inv.flag("--json") {
            // Written element by element into blocks as the items come in order.
            let sink = OutputSink(session.out)
            try DueJSONText.write(asOf: now, owner: owner, items: list, to: sink)
            try sink.flush()
            return
        }
        let whose = owner.map { " for \($0)" } ?? ""
        guard list.count > 0 else {
            session.print("Nothing due today or overdue\(whose).")
            return
        }
        // The list comes in order, overdue first: each section is the run of its state, its
        // size counted as the list was collected. Written in blocks (one write per item made
        // `due` over a whole book mostly system calls); each item is lent, not copied (a
        // copy is three strings retained and released), and its lines go straight into the
        // block's bytes (`DueText.append`).
        let sink = OutputSink(session.out)
        let text = DueText(now: now, width: session.width, style: session.style)
        var block = ByteBlock(to: sink)
        func title(_ title: String, _ count: Int) {
            block.bytes.append(contentsOf: (session.style.bold("\(title)\(whose) (\(count)):") + "\n").utf8)
        }
        var index = 0
        try list.forEachItem { item throws(DiscoveryError) in
            if index == 0 && list.overdue > 0 { title("Overdue", list.overdue) }
            if index == list.overdue {
                if index > 0 { block.bytes.append(0x0A) }
                title("Due today", list.count - list.overdue)
            }
            text.append(item, to: &block.bytes)
            try block.sendIfFull()
            index += 1
        }
        try block.send()
        try sink.flush()
    }
}

/// How one due item reads: what and for which lead, then when, since when and whose.
/// Written as bytes from the item's fields (dates from their calendar fields, no string per
/// value); the tests hold it to the text built from strings.
struct DueText {
    let now: Date
    let width: Int
    let style: Style
    private let breached: [UInt8], dueWord: [UInt8]

    init(now: Date, width: Int, style: Style) {
        self.now = now
        self.width = width
        self.style = style
        breached = Array(style.red("breached").utf8)
        dueWord = Array(style.yellow("due").utf8)
    }

    /// `  L7 Mercy Regional: first call (…)` cut to the width, then `    breached: due …, since …, owner sam`.
    func append(_ item: DueItem, to bytes: inout [UInt8]) {
        appendHead(item, to: &bytes)
        bytes.append(contentsOf: [0x0A, 0x20, 0x20, 0x20, 0x20])
        // Next steps are due on a day, the rest at a time.
        let dayOnly = item.kind == .nextStep
        if item.state == .breached {
            bytes.append(contentsOf: breached)
            bytes.append(contentsOf: ": due ".utf8)
            CallTime.appendText(item.due, dayOnly: dayOnly, to: &bytes)
            bytes.append(contentsOf: " (".utf8)
            CallTime.appendSpan(now.timeIntervalSince(item.due), to: &bytes)
            bytes.append(contentsOf: " ago)".utf8)
        } else {
            bytes.append(contentsOf: dueWord)
            bytes.append(0x20)
            CallTime.appendText(item.due, dayOnly: dayOnly, to: &bytes)
            bytes.append(contentsOf: " (in ".utf8)
            CallTime.appendSpan(item.due.timeIntervalSince(now), to: &bytes)
            bytes.append(0x29)
        }
        bytes.append(contentsOf: ", since ".utf8)
        CallTime.appendText(item.since, to: &bytes)
        bytes.append(contentsOf: ", owner ".utf8)
        bytes.append(contentsOf: (item.owner ?? "-").utf8)
        bytes.append(0x0A)
    }

    /// The first line, cut to `width` characters (`Prompt.truncate`). Plain ASCII without a
    /// carriage return (which joins a following line feed into one character) has one
    /// character per byte, so it is cut by bytes; any other text goes through the string.
    private func appendHead(_ item: DueItem, to bytes: inout [UInt8]) {
        let limit = max(20, width)
        func plain(_ s: String) -> Bool { s.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D } }
        guard plain(item.org), plain(item.what) else {
            bytes.append(contentsOf: Prompt.truncate("  L\(item.leadId) \(item.org): \(item.what)", to: limit).utf8)
            return
        }
        let start = bytes.count
        bytes.append(contentsOf: "  L".utf8)
        bytes.append(contentsOf: String(item.leadId).utf8)
        bytes.append(0x20)
        bytes.append(contentsOf: item.org.utf8)
        bytes.append(contentsOf: ": ".utf8)
        bytes.append(contentsOf: item.what.utf8)
        if bytes.count - start > limit {
            bytes.removeSubrange((start + limit - 1)...)
            bytes.append(contentsOf: "…".utf8)
        }
    }
}
