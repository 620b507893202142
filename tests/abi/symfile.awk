# Reads a GNU ld version script (libip/libip.sym) and prints one line per
# entry: "global NAME" for each exported name, "local PATTERN" for each
# local pattern, and "node NAME" for each version node. Comments (/* */ and
# #) are ignored. Used by symbols.sh and declared.sh.
{
    line = $0
    out = ""
    while (length(line) > 0) {
        if (incomment) {
            i = index(line, "*/")
            if (i == 0) { line = ""; break }
            line = substr(line, i + 2)
            incomment = 0
            continue
        }
        i = index(line, "/*")
        if (i == 0) { out = out line; break }
        out = out substr(line, 1, i - 1) " "
        line = substr(line, i + 2)
        incomment = 1
    }
    sub(/#.*/, "", out)
    gsub(/[{};]/, " & ", out)
    gsub(/global:/, " global: ", out)
    gsub(/local:/, " local: ", out)
    n = split(out, tok, /[ \t]+/)
    for (k = 1; k <= n; k++) {
        t = tok[k]
        if (t == "") continue
        if (t == "{") { depth++; section = ""; continue }
        if (t == "}") { depth--; section = ""; after_close = 1; continue }
        if (t == ";") { after_close = 0; continue }
        if (t == "global:") { section = "global"; continue }
        if (t == "local:") { section = "local"; continue }
        if (depth == 0) {
            # a node's name before "{", or the parent it inherits after "}"
            if (!after_close) print "node " t
            continue
        }
        if (section == "") { print "error " t; continue }
        print section " " t
    }
}
