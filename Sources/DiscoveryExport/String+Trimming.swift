extension String {
    /// Without leading and trailing spaces and tabs (a cell as the user meant it).
    var trimmingSpaces: String {
        func isBlank(_ b: UInt8?) -> Bool { b == 0x20 || b == 0x09 }
        if !isBlank(utf8.first) && !isBlank(utf8.last) { return self }   // most cells
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s = s.dropFirst() }
        while s.last == " " || s.last == "\t" { s = s.dropLast() }
        return String(s)
    }
}
