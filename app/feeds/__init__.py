"""ACD feed readers (one module per format), and the batch they all produce."""
