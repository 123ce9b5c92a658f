// Command docgen turns API error-code documentation into a normalized error catalog and
// renders it as a static site, OpenAPI error components and a JSON catalog.
package main

import "os"

func main() { os.Exit(Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }
