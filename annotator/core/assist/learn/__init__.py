"""The learned entity recogniser: features, training, the model and its storage.

``features``: what the CRF sees of a token; ``model.EntityModel``: a trained
model, callable as a recogniser; ``train``: training and cross-validation.
Pure Python (python-crfsuite), no Qt.
"""
