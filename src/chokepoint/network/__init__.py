"""Networks: the graph of FtM relations and shared values, the OFAC 50 % rule and the EU
owned-or-controlled test, exposure paths, leads, chokepoints and a synthetic registry generator."""
