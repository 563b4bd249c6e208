from chokepoint.cli import main

main()
