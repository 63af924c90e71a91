// Package verdict gives every area of the Istio oracle suite the same allowlist format and the same verdicts: a case
// is identical (no difference), allowlisted (every difference matches an entry with its reason) or different (the
// test fails). An entry that matches no difference fails too, so an allowlist cannot go stale.
package verdict

import (
	"fmt"
	"os"
	"path"
	"regexp"
	"strings"

	"sigs.k8s.io/yaml"
)

// Entry is one allowed difference, read from an area's allowlist.yaml.
type Entry struct {
	// Case is the case's name, or a path.Match pattern over case names (`*/waypoint-*`).
	Case string `json:"case"`
	// Diff, when set, limits the entry to difference lines starting with it (`Deployment/web.spec.replicas`);
	// empty allows every difference of the matching cases.
	Diff string `json:"diff,omitempty"`
	// Pattern, when set, limits the entry to difference lines this Go regular expression matches (unanchored), for
	// one difference across many objects (a label every object carries).
	Pattern string `json:"pattern,omitempty"`
	// Kind is `intended` (mesh differs on purpose; documented with the command) or `reported` (a divergence of mesh
	// found by this suite and reported to the owner of that code; the entry goes when the fix lands).
	Kind string `json:"kind"`
	// Reason says why the difference is allowed; required.
	Reason string `json:"reason"`

	used    bool
	pattern *regexp.Regexp
}

// Allowlist is an area's list of allowed differences.
type Allowlist struct {
	// File is where the list was read from, for messages.
	File    string
	entries []*Entry
}

// LoadAllowlist reads an allowlist file: `allow:` followed by a list of entries (see Entry). A missing file is an
// error: an area with nothing to allow says `allow: []`.
func LoadAllowlist(file string) (*Allowlist, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var doc struct {
		Allow []*Entry `json:"allow"`
	}
	if err := yaml.UnmarshalStrict(b, &doc); err != nil {
		return nil, fmt.Errorf("%s: %v", file, err)
	}
	for i, e := range doc.Allow {
		if e.Case == "" || strings.TrimSpace(e.Reason) == "" {
			return nil, fmt.Errorf("%s: allow[%d] needs a case and a reason", file, i)
		}
		if e.Kind != "intended" && e.Kind != "reported" {
			return nil, fmt.Errorf("%s: allow[%d] (%s): kind must be intended or reported, not %q", file, i, e.Case, e.Kind)
		}
		if _, err := path.Match(e.Case, ""); err != nil {
			return nil, fmt.Errorf("%s: allow[%d]: bad case pattern %q: %v", file, i, e.Case, err)
		}
		if e.Pattern != "" {
			re, err := regexp.Compile(e.Pattern)
			if err != nil {
				return nil, fmt.Errorf("%s: allow[%d] (%s): bad pattern: %v", file, i, e.Case, err)
			}
			e.pattern = re
		}
	}
	return &Allowlist{File: file, entries: doc.Allow}, nil
}

// Split sorts a case's difference lines into those an entry allows (each followed by the entry's kind and reason)
// and the rest, and marks the entries that matched as used.
func (a *Allowlist) Split(caseName string, diffs []string) (allowed, rest []string) {
	for _, d := range diffs {
		hit := a.match(caseName, d)
		if hit == nil {
			rest = append(rest, d)
			continue
		}
		hit.used = true
		allowed = append(allowed, fmt.Sprintf("%s  (%s: %s)", d, hit.Kind, strings.TrimSpace(hit.Reason)))
	}
	return allowed, rest
}

func (a *Allowlist) match(caseName, diff string) *Entry {
	for _, e := range a.entries {
		if ok, _ := path.Match(e.Case, caseName); ok && strings.HasPrefix(diff, e.Diff) && (e.pattern == nil || e.pattern.MatchString(diff)) {
			return e
		}
	}
	return nil
}

// Unused lists the entries that matched no difference, as `case [diff]` strings.
func (a *Allowlist) Unused() []string {
	var out []string
	for _, e := range a.entries {
		if !e.used {
			out = append(out, strings.TrimSpace(e.Case+" "+e.Diff+" "+e.Pattern))
		}
	}
	return out
}
